#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

int serve(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return listen(fd, 16);
}
