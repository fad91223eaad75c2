#include <sys/socket.h>
#include <netinet/in.h>
/* ENDPOINT_FAMILY comes from each TU's -D: AF_INET for the network
   server, AF_UNIX for the local control tool. */
static inline int open_endpoint(void) { return socket(ENDPOINT_FAMILY, SOCK_STREAM, 0); }
