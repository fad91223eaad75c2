/* Host unit test of the TCP fallback helpers (a kernel without SCTP), in
 * fallback.h, which build.sh generates from rules/modes/fallback-tcp.yaml: run as
 * unit_fallback; prints PASS/FAIL lines and exits non-zero on a failure.
 * - creation falls back to the TCP socket asked for, and "no SCTP" is
 *   remembered: one SCTP attempt for the process, even from 8 threads at
 *   once, none for the sockets after it;
 * - the C and the C++ translation unit share that state;
 * - calls the mode does not change are passed through;
 * - what dup2 onto an epoll-registered descriptor does (the kernel fact the
 *   re-registration in sctpify_fb_to_tcp answers). */
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/epoll.h>
#include "unit_count.h"
#include "fallback.h"
#undef socket

/* The TCP listener sctpify_fallback_listen opened beside fd, or -1. */
static int unit_twin(int fd) {
  struct sctpify_fb_entry_v1 e;
  return sctpify_fb_load(fd, &e) ? e.twin : -1;
}

int unit_sctp_attempts;

int unit_counted_socket(int domain, int type, int protocol) {
  if (protocol == IPPROTO_SCTP)
    __atomic_fetch_add(&unit_sctp_attempts, 1, __ATOMIC_RELAXED);
  return socket(domain, type, protocol);
}

static int failed;
static void check(int ok, const char *what) {
  printf("%s %s\n", ok ? "PASS" : "FAIL", what);
  if (!ok)
    failed = 1;
}

static pthread_barrier_t barrier;
static void *racer(void *arg) {
  (void)arg;
  pthread_barrier_wait(&barrier);
  int fd = sctpify_fallback_socket(AF_INET, SOCK_STREAM, 0);
  int ok = fd >= 0 && unit_transport(fd) == IPPROTO_TCP;
  close(fd);
  return ok ? arg : NULL;
}

/* A connected TCP pair over loopback; a is readable (b wrote a byte). */
static void tcp_pair(int *a, int *b) {
  int l = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr;
  socklen_t len = sizeof addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(l, (struct sockaddr *)&addr, sizeof addr);
  listen(l, 1);
  getsockname(l, (struct sockaddr *)&addr, &len);
  *b = socket(AF_INET, SOCK_STREAM, 0);
  connect(*b, (struct sockaddr *)&addr, sizeof addr);
  *a = accept(l, NULL, NULL);
  close(l);
  if (write(*b, "x", 1) != 1)
    perror("write");
}

int main(void) {
  /* Creation, from 8 threads at once, in a process that has not tried. */
  pthread_t t[8];
  pthread_barrier_init(&barrier, NULL, 8);
  int all = 1;
  for (int i = 0; i < 8; i++)
    pthread_create(&t[i], NULL, racer, &barrier);
  for (int i = 0; i < 8; i++) {
    void *r;
    pthread_join(t[i], &r);
    all &= r != NULL;
  }
  int racing = __atomic_load_n(&unit_sctp_attempts, __ATOMIC_RELAXED);
  printf("INFO SCTP attempts by 8 racing first sockets: %d\n", racing);
  check(all, "creation: 8 racing threads each got a TCP socket (the kernel has no SCTP)");
  check(racing >= 1 && racing <= 8, "creation: at most one SCTP attempt per racing thread");
  check(unit_lacks_sctp() == 1, "creation: \"no SCTP\" is remembered");
  for (int i = 0; i < 1000; i++) {
    int fd = sctpify_fallback_socket(i & 1 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || unit_transport(fd) != IPPROTO_TCP) {
      all = 0;
      break;
    }
    close(fd);
  }
  check(all && unit_sctp_attempts == racing,
        "creation: 1000 more sockets, IPv4 and IPv6, made no SCTP attempt");
  check(unit_cxx_checks() == 0 && unit_sctp_attempts == racing,
        "state: the C++ translation unit sees it too and makes no attempt");

  /* Pass-through: other sockets, and helpers on a TCP socket. */
  int u = sctpify_fallback_socket(AF_INET, SOCK_DGRAM, 0);
  check(u >= 0 && unit_transport(u) == IPPROTO_UDP, "pass-through: a UDP socket stays UDP");
  close(u);
  int before = unit_sctp_attempts;
  int s = sctpify_fallback_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  check(s < 0 && errno == EPROTONOSUPPORT && unit_sctp_attempts == before + 1,
        "pass-through: an explicit SCTP socket is not turned into TCP (EPROTONOSUPPORT)");
  int fd = sctpify_fallback_socket(AF_INET, SOCK_STREAM, 0), one = 1, v = 0;
  socklen_t len = sizeof v;
  check(sctpify_fallback_setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &one, sizeof one) == 0 &&
            getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &v, &len) == 0 && v == 1,
        "options: TCP_KEEPIDLE on a TCP socket is set as given");
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  check(sctpify_fallback_bind(fd, (struct sockaddr *)&a, sizeof a) == 0 && sctpify_fallback_listen(fd, 4) == 0 &&
            unit_twin(fd) == -1,
        "servers: a TCP listener (no SCTP) gets no twin");
  check(sctpify_fallback_close(fd) == 0, "close: passed through");

  /* The kernel fact: dup2 onto a descriptor registered in epoll. */
  int ep = epoll_create1(0), a1, b1, a2, b2;
  tcp_pair(&a1, &b1);
  tcp_pair(&a2, &b2);
  struct epoll_event ev, got[4];
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN;
  ev.data.u64 = 77;
  epoll_ctl(ep, EPOLL_CTL_ADD, a1, &ev);
  check(epoll_wait(ep, got, 4, 0) == 1, "epoll: the registered socket is reported");
  dup2(a2, a1); /* a1's file had no other reference: it is released */
  int n = epoll_wait(ep, got, 4, 100);
  printf("INFO after dup2 onto the registered number: %d events\n", n);
  check(n == 0, "epoll: after dup2 the new socket is not watched (the registration went with the old file)");
  check(epoll_ctl(ep, EPOLL_CTL_MOD, a1, &ev) < 0 && errno == ENOENT,
        "epoll: EPOLL_CTL_MOD on the number then fails with ENOENT");
  check(epoll_ctl(ep, EPOLL_CTL_ADD, a1, &ev) == 0 && epoll_wait(ep, got, 4, 0) == 1,
        "epoll: EPOLL_CTL_ADD again watches the new socket");
  /* With another reference to the old file, its registration stays. */
  int ep2 = epoll_create1(0), c1, d1, c2, d2;
  tcp_pair(&c1, &d1);
  tcp_pair(&c2, &d2);
  epoll_ctl(ep2, EPOLL_CTL_ADD, c1, &ev);
  int keep = dup(c1);
  dup2(c2, c1);
  n = epoll_wait(ep2, got, 4, 0);
  printf("INFO after dup2 with the old file still open elsewhere: %d events\n", n);
  check(n == 1 && epoll_ctl(ep2, EPOLL_CTL_DEL, c1, NULL) < 0,
        "epoll: if the old file lives on (a dup), it is still reported under the number, and can no longer be deleted by it");
  close(keep);
  return failed;
}
