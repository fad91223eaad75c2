#include <sys/socket.h>
/* A Unix-domain socket stays one. */
int local_open(void) { return socket(AF_UNIX, SOCK_STREAM, 0); }
