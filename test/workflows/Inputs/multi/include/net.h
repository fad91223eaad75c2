#ifndef MULTI_NET_H
#define MULTI_NET_H
#include <sys/socket.h>
/* Shared by several translation units: must be edited exactly once. */
static inline int net_stream(void) { return socket(AF_INET6, SOCK_STREAM, 0); }
#endif
