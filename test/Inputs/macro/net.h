#include <sys/socket.h>
#include <netinet/in.h>
#define OPEN_STREAM(family) socket(family, SOCK_STREAM, 0)
