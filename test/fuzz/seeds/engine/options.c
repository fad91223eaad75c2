#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>
#define NODELAY(fd, v) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &v, sizeof v)
static int open_server(int family, int port) {
  int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
  NODELAY(fd, one);
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(fd, 8) < 0)
    return -1;
  return fd;
}
int serve(int port) {
  int l = open_server(AF_INET, port);
  int c = accept(l, 0, 0);
  char buf[512];
  ssize_t n = recv(c, buf, sizeof buf, MSG_WAITALL);
  if (n > 0)
    send(c, buf, n, MSG_OOB);
  shutdown(c, SHUT_WR);
  while (read(c, buf, sizeof buf) > 0)
    ;
  return close(c);
}
