#include <sys/socket.h>
int local(void) { return socket(AF_UNIX, SOCK_STREAM, 0); }
