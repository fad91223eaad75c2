/* The TCP form of the fallback test client: tcp_client HOST PORT MODE
 * Connects to HOST:PORT (MODE: block, or non-blocking with poll, select or
 * epoll), sends stdin, writes as many bytes as come back to stdout, closes.
 * stderr: "connect_us=N transport=tcp". */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#define ECHO_EPOLL_CTL epoll_ctl
#include "echo_io.h"

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s HOST PORT block|poll|select|epoll < data\n", argv[0]);
    return 2;
  }
  int mode = echo_mode_of(argv[3]);
  size_t len;
  char *data = echo_read_all(stdin, &len);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)atoi(argv[2]));
  if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) { fprintf(stderr, "bad address\n"); return 2; }

  long long start = echo_now_us();
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) { perror("socket"); return 1; }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  int epfd = -1;
  if (mode == MODE_EPOLL) {
    epfd = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = EPOLLOUT;
    ev.data.u64 = ECHO_EPOLL_TAG;
    if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) { perror("epoll"); return 1; }
  }
  if (mode != MODE_BLOCK) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
    if (mode == MODE_BLOCK || errno != EINPROGRESS) { perror("connect"); return 1; }
    echo_wait(mode, epfd, fd, POLLOUT);
    int err = 0;
    socklen_t elen = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0 || err) {
      errno = err;
      perror("connect");
      return 1;
    }
  }
  long long connected = echo_now_us();
  int proto = 0, nodelay = 0;
  socklen_t plen = sizeof proto, nlen = sizeof nodelay;
  getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &plen);
  if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &nodelay, &nlen) < 0 || nodelay != 1) {
    fprintf(stderr, "TCP_NODELAY is not set\n");
    return 3;
  }
  echo_exchange(fd, mode, epfd, data, len);
  close(fd);
  fprintf(stderr, "connect_us=%lld transport=%s\n", connected - start, echo_transport_name(proto));
  return 0;
}
