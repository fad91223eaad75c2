/* Shape: hints built with a designated initializer that names the protocol,
 * `.ai_socktype = SOCK_STREAM, .ai_protocol = IPPROTO_TCP`; a client that
 * connects to the first address that works, then reads TCP_MAXSEG. */
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static int dial(const char *host, const char *port) {
  struct addrinfo hints = {
      .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV,
      .ai_family = AF_UNSPEC,
      .ai_socktype = SOCK_STREAM,
      .ai_protocol = IPPROTO_TCP,
  };
  struct addrinfo *res;
  int rc = getaddrinfo(host, port, &hints, &res);
  if (rc != 0) {
    fprintf(stderr, "getaddrinfo %s: %s\n", host, gai_strerror(rc));
    return -1;
  }
  int fd = -1;
  for (struct addrinfo *rp = res; rp != NULL; rp = rp->ai_next) {
    fd = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
    if (fd == -1)
      continue;
    if (connect(fd, rp->ai_addr, rp->ai_addrlen) == 0)
      break;
    close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  return fd;
}

int main(void) {
  const char *hosts[] = {"127.0.0.1", "::1"};
  int ok = 0;
  for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; ++i) {
    int fd = dial(hosts[i], "7");
    if (fd == -1)
      continue;
    int mss = 0;
    socklen_t len = sizeof mss;
    if (getsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, &len) == 0)
      ++ok;
    close(fd);
  }
  printf("%d connections\n", ok);
  return ok == 2 ? 0 : 1;
}
