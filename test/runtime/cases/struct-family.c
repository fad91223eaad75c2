/* Shape: the family travels in a struct field from a configuration table. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

struct endpoint {
  const char *name;
  int family;
};

static const struct endpoint endpoints[] = {
    {"public", AF_INET},
    {"control", AF_UNIX},
};

static int open_endpoint(const struct endpoint *ep) {
  int fd = socket(ep->family, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  if (ep->family == AF_INET) {
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  return fd;
}

int main(void) {
  for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; ++i) {
    int fd = open_endpoint(&endpoints[i]);
    if (fd < 0)
      return 1;
    printf("%s: open\n", endpoints[i].name);
    close(fd);
  }
  return 0;
}
