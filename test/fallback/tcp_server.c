/* The fallback test server, in its TCP form: tcp_server ADDR PORT CLIENTS MODE
 * Echoes what each client sends until it closes; exits after CLIENTS
 * clients. MODE block: a blocking accept loop; epoll: a non-blocking
 * listener in an epoll loop. stderr: "ready", then per client
 * "served transport=tcp|sctp bytes=N". The port `sctpify --fallback=tcp`
 * makes of it listens on SCTP and, beside it, on TCP. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* accept4 */
#endif
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include "echo_io.h"

static void served(int c, long long bytes) {
  int proto = 0;
  socklen_t plen = sizeof proto;
  getsockopt(c, SOL_SOCKET, SO_PROTOCOL, &proto, &plen);
  fprintf(stderr, "served transport=%s bytes=%lld\n", echo_transport_name(proto), bytes);
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s ADDR PORT CLIENTS block|epoll\n", argv[0]);
    return 2;
  }
  int clients = atoi(argv[3]), mode = echo_mode_of(argv[4]);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)atoi(argv[2]));
  if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) { fprintf(stderr, "bad address\n"); return 2; }
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) { perror("socket"); return 1; }
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 16) < 0) {
    perror("bind/listen");
    return 1;
  }
  fprintf(stderr, "ready\n");
  if (mode == MODE_BLOCK) {
    for (int i = 0; i < clients; i++) {
      int c = accept(fd, NULL, NULL);
      if (c < 0) { perror("accept"); return 1; }
      if (setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0) { perror("TCP_NODELAY"); return 1; }
      long long n = echo_serve(c);
      if (n < 0) return 1;
      served(c, n);
      close(c);
    }
    return 0;
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  int epfd = epoll_create1(0);
  struct epoll_event ev;
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN;
  ev.data.fd = fd;
  if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) { perror("epoll"); return 1; }
  long long bytes[1024] = {0};
  for (int done = 0; done < clients;) {
    struct epoll_event got[16];
    int n = epoll_wait(epfd, got, 16, -1);
    if (n < 0) { perror("epoll_wait"); return 1; }
    for (int i = 0; i < n; i++) {
      int s = got[i].data.fd;
      if (s == fd) {
        int c;
        while ((c = accept4(fd, NULL, NULL, SOCK_CLOEXEC)) >= 0) {
          if (c >= 1024) { fprintf(stderr, "too many descriptors\n"); return 1; }
          if (setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0) { perror("TCP_NODELAY"); return 1; }
          bytes[c] = 0;
          ev.events = EPOLLIN;
          ev.data.fd = c;
          epoll_ctl(epfd, EPOLL_CTL_ADD, c, &ev);
        }
        if (errno != EAGAIN) { perror("accept"); return 1; }
        continue;
      }
      char buf[65536];
      ssize_t r = read(s, buf, sizeof buf);
      if (r < 0) { perror("read"); return 1; }
      if (r == 0) {
        served(s, bytes[s]);
        epoll_ctl(epfd, EPOLL_CTL_DEL, s, NULL);
        close(s);
        done++;
        continue;
      }
      for (ssize_t off = 0; off < r;) {
        ssize_t w = write(s, buf + off, (size_t)(r - off));
        if (w < 0) { perror("write"); return 1; }
        off += w;
      }
      bytes[s] += r;
    }
  }
  return 0;
}
