/* Shape: one helper, one socket() call, reached at run time with IPv4, Unix
 * and IPv6 families in turn; the type carries SOCK_CLOEXEC. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static int make_stream(int family) {
  int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -1;
  int one = 1;
  if (family == AF_INET || family == AF_INET6)
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  else
    setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
  return fd;
}

int main(void) {
  static const int families[] = {AF_INET, AF_UNIX, AF_INET6};
  for (size_t i = 0; i < sizeof families / sizeof families[0]; ++i) {
    int fd = make_stream(families[i]);
    if (fd < 0)
      return 1;
    close(fd);
  }
  puts("done");
  return 0;
}
