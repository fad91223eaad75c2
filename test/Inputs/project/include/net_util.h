#ifndef NET_UTIL_H
#define NET_UTIL_H
#include <sys/socket.h>
static inline int net_open_stream(void) { return socket(AF_INET, SOCK_STREAM, 0); }
#endif
