// Shape: the family is a template parameter; one instantiation is IPv4, the
// other Unix-domain.
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>

template <int F> int open_stream() {
  int fd = socket(F, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  if constexpr (F != AF_UNIX) {
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  return fd;
}

int main() {
  int inet = open_stream<AF_INET>();
  int local = open_stream<AF_UNIX>();
  if (inet < 0 || local < 0)
    return 1;
  close(local);
  close(inet);
  std::puts("done");
  return 0;
}
