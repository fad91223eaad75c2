/* The fallback test client, in its TCP form: tcp_client HOST PORT MODE
 * Connects to HOST:PORT (MODE: block, or non-blocking with poll, select or
 * epoll), sends stdin, writes as many bytes as come back to stdout, closes.
 * stderr: "connect_us=N transport=tcp|sctp". It also checks that what it set
 * on the socket is still set once connected, which in the port made by
 * `sctpify --fallback=tcp` means that it survived a fallback to TCP
 * (TCP_NODELAY, SO_KEEPALIVE, O_NONBLOCK, FD_CLOEXEC, the epoll registration
 * and its data). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
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
  int proto = 0, nodelay = 0, keepalive = 0;
  socklen_t plen = sizeof proto, nlen = sizeof nodelay, klen = sizeof keepalive;
  getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &plen);
  if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &nodelay, &nlen) < 0 || nodelay != 1 ||
      getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &keepalive, &klen) < 0 || keepalive != 1 ||
      !(fcntl(fd, F_GETFD) & FD_CLOEXEC) ||
      !(fcntl(fd, F_GETFL) & O_NONBLOCK) != (mode == MODE_BLOCK)) {
    fprintf(stderr, "options lost: nodelay=%d keepalive=%d fdflags=%d flags=%d\n", nodelay,
            keepalive, fcntl(fd, F_GETFD), fcntl(fd, F_GETFL));
    return 3;
  }
  echo_exchange(fd, mode, epfd, data, len);
  close(fd);
  fprintf(stderr, "connect_us=%lld transport=%s\n", connected - start, echo_transport_name(proto));
  return 0;
}
