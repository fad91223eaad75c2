/* Shape: a helper that takes only the family; the type and protocol are
 * literals inside it. Called for IPv6 and for a Unix-domain listener. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static int open_listener(int family) {
  int fd = socket(family, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (family == AF_INET6)
    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
  if (family != AF_UNIX)
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  listen(fd, 16);
  return fd;
}

int main(void) {
  int v6 = open_listener(AF_INET6);
  int local = open_listener(AF_UNIX);
  if (v6 < 0 || local < 0)
    return 1;
  close(local);
  close(v6);
  puts("done");
  return 0;
}
