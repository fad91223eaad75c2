#include "net.h"
#include <netinet/in.h>
#include <netinet/tcp.h>
int client_open(void) {
  int one = 1;
  int fd = net_stream();
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}
