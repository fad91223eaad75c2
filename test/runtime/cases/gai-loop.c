/* Shape: the classic getaddrinfo loop. hints {AF_UNSPEC, SOCK_STREAM}; every
 * result is opened with socket(rp->ai_family, rp->ai_socktype,
 * rp->ai_protocol) and tuned with SO_REUSEADDR and TCP_NODELAY. A passive
 * lookup of no host gives one IPv6 and one IPv4 wildcard address (offline). */
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  struct addrinfo hints;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;

  struct addrinfo *res;
  int rc = getaddrinfo(NULL, "8080", &hints, &res);
  if (rc != 0) {
    fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(rc));
    return 1;
  }
  int listening = 0;
  for (struct addrinfo *rp = res; rp != NULL; rp = rp->ai_next) {
    int fd = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
    if (fd == -1)
      continue;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (bind(fd, rp->ai_addr, rp->ai_addrlen) == 0 && listen(fd, 16) == 0)
      ++listening;
    close(fd);
  }
  freeaddrinfo(res);
  printf("listening on %d addresses\n", listening);
  return listening > 0 ? 0 : 1;
}
