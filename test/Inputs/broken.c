#include <sys/socket.h>
int broken(void) { return socket(AF_INET, SOCK_STREAM, 0) }
