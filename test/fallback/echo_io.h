/* echo_io.h: what the fallback test clients and servers share that is not
 * socket set-up: reading the payload, waiting with poll/select/epoll, the
 * byte exchange. sctpify ports it with the program that includes it (each
 * program in a directory of its own: echo_wait's epoll_ctl() is on the
 * client's socket, which the server never passes it). */
#ifndef ECHO_IO_H
#define ECHO_IO_H
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum echo_mode { MODE_BLOCK, MODE_POLL, MODE_SELECT, MODE_EPOLL };

static inline int echo_mode_of(const char *s) {
  if (!strcmp(s, "block")) return MODE_BLOCK;
  if (!strcmp(s, "poll")) return MODE_POLL;
  if (!strcmp(s, "select")) return MODE_SELECT;
  if (!strcmp(s, "epoll")) return MODE_EPOLL;
  fprintf(stderr, "unknown mode %s\n", s);
  exit(2);
}

static inline long long echo_now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* Data the epoll registration carries; checked on every event. */
#define ECHO_EPOLL_TAG 0x5c7bu

/* Waits until fd is ready for events (POLLIN/POLLOUT), with the mode's
 * mechanism. MODE_EPOLL uses epfd, where fd is registered already. Returns
 * the ready events (POLLIN/POLLOUT/POLLERR/POLLHUP), or exits on failure. */
static inline short echo_wait(int mode, int epfd, int fd, short events) {
  if (mode == MODE_SELECT) {
    fd_set r, w;
    FD_ZERO(&r);
    FD_ZERO(&w);
    if (events & POLLIN) FD_SET(fd, &r);
    if (events & POLLOUT) FD_SET(fd, &w);
    if (select(fd + 1, &r, &w, NULL, NULL) < 0) { perror("select"); exit(1); }
    return (short)((FD_ISSET(fd, &r) ? POLLIN : 0) | (FD_ISSET(fd, &w) ? POLLOUT : 0));
  }
  if (mode == MODE_EPOLL) {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = ((events & POLLIN) ? EPOLLIN : 0u) | ((events & POLLOUT) ? EPOLLOUT : 0u);
    ev.data.u64 = ECHO_EPOLL_TAG;
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev) < 0) { perror("epoll_ctl MOD"); exit(1); }
    struct epoll_event got;
    int n = epoll_wait(epfd, &got, 1, 20000);
    if (n != 1 || got.data.u64 != ECHO_EPOLL_TAG) {
      fprintf(stderr, "epoll_wait: %d events, data %llx\n", n, (unsigned long long)got.data.u64);
      exit(1);
    }
    return (short)(((got.events & EPOLLIN) ? POLLIN : 0) | ((got.events & EPOLLOUT) ? POLLOUT : 0) |
                   ((got.events & EPOLLERR) ? POLLERR : 0) | ((got.events & EPOLLHUP) ? POLLHUP : 0));
  }
  struct pollfd p;
  p.fd = fd;
  p.events = events;
  p.revents = 0;
  if (poll(&p, 1, -1) < 0) { perror("poll"); exit(1); }
  return p.revents;
}

static inline char *echo_read_all(FILE *f, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *b = (char *)malloc(cap);
  size_t r;
  while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) b = (char *)realloc(b, cap *= 2);
  }
  if (!b) { perror("malloc"); exit(1); }
  *len = n;
  return b;
}

/* Sends out[0..len) and copies the echo to stdout until len bytes came
 * back (no half-close: SCTP has none, see the sctp-half-close rule). fd is
 * made non-blocking; waits use mode. */
static inline void echo_exchange(int fd, int mode, int epfd, const char *out, size_t len) {
  size_t sent = 0, got = 0;
  char buf[65536];
  if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) { perror("fcntl"); exit(1); }
  if (mode == MODE_BLOCK) mode = MODE_POLL;
  while (got < len) {
    short ready = echo_wait(mode, epfd, fd, (short)(POLLIN | (sent < len ? POLLOUT : 0)));
    if (ready & (POLLIN | POLLERR | POLLHUP)) {
      ssize_t n = read(fd, buf, sizeof buf);
      if (n == 0) { fprintf(stderr, "the peer closed after %zu bytes\n", got); exit(1); }
      if (n > 0) {
        fwrite(buf, 1, (size_t)n, stdout);
        got += (size_t)n;
      } else if (errno != EAGAIN && errno != EINTR) {
        perror("read");
        exit(1);
      }
    }
    if ((ready & POLLOUT) && sent < len) {
      ssize_t n = write(fd, out + sent, len - sent > 16384 ? 16384 : len - sent);
      if (n > 0) sent += (size_t)n;
      else if (n < 0 && errno != EAGAIN && errno != EINTR) { perror("write"); exit(1); }
    }
  }
}

/* Echoes what client fd sends until it closes (blocking socket). Returns
 * the byte count, or -1. */
static inline long long echo_serve(int c) {
  char buf[65536];
  long long total = 0;
  for (;;) {
    ssize_t n = read(c, buf, sizeof buf);
    if (n == 0) return total;
    if (n < 0) { if (errno == EINTR) continue; perror("read"); return -1; }
    for (ssize_t off = 0; off < n;) {
      ssize_t w = write(c, buf + off, (size_t)(n - off));
      if (w < 0) { if (errno == EINTR) continue; perror("write"); return -1; }
      off += w;
    }
    total += n;
  }
}

static inline const char *echo_transport_name(int proto) {
  return proto == IPPROTO_SCTP ? "sctp" : proto == IPPROTO_TCP ? "tcp" : "?";
}
#endif
