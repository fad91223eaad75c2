/* hazards.c: measures, over real SCTP one-to-one sockets, the behaviour
 * behind each sctpify flag whose reason is what happens at run time. Each
 * check prints `PASS <rule-id>: <what was observed>` when the documented
 * behaviour is seen, or `FAIL <rule-id>: ...`. Runs inside the test VM. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

static int failures;

static void report(int ok, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void report(int ok, const char *rule, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("%s %s: ", ok ? "PASS" : "FAIL", rule);
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
  failures += !ok;
}

/* A connected pair of SCTP one-to-one sockets over loopback. */
static void sctp_pair(int *client, int *server) {
  int listener = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  struct sockaddr_in addr = {.sin_family = AF_INET,
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof addr;
  if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof addr) ||
      listen(listener, 1) || getsockname(listener, (struct sockaddr *)&addr, &len)) {
    perror("sctp listener");
    exit(2);
  }
  *client = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  if (connect(*client, (struct sockaddr *)&addr, sizeof addr)) {
    perror("sctp connect");
    exit(2);
  }
  *server = accept(listener, NULL, NULL);
  close(listener);
}

static const char *err(int e) { return e ? strerrorname_np(e) : "success"; }

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  int c, s, one = 1, r, e;
  char buf[64];

  /* Every TCP-level option fails on an SCTP socket (sctp-option-*). */
  sctp_pair(&c, &s);
  int failed_set = 0, failed_get = 0, total = 0;
  for (int opt = TCP_NODELAY; opt <= TCP_TX_DELAY; ++opt) {
    char value[256] = {0};
    socklen_t vlen = sizeof value;
    ++total;
    failed_set += setsockopt(c, IPPROTO_TCP, opt, &one, sizeof one) != 0;
    failed_get += getsockopt(c, IPPROTO_TCP, opt, value, &vlen) != 0;
  }
  report(failed_set == total && failed_get == total, "sctp-option-*",
         "all %d TCP_* options fail at level IPPROTO_TCP (set %d, get %d)",
         total, failed_set, failed_get);
  r = setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); e = errno;
  report(r < 0 && e == ENOPROTOOPT, "sctp-option-nodelay",
         "setsockopt(IPPROTO_TCP, TCP_NODELAY) -> %s", r < 0 ? err(e) : "success");
  r = setsockopt(c, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  report(r == 0, "sctp-option-nodelay", "setsockopt(IPPROTO_SCTP, SCTP_NODELAY) -> %s",
         r ? err(errno) : "success");
  struct tcp_info info;
  socklen_t ilen = sizeof info;
  r = getsockopt(c, IPPROTO_TCP, TCP_INFO, &info, &ilen); e = errno;
  report(r < 0, "sctp-option-info", "getsockopt(TCP_INFO) -> %s", r < 0 ? err(e) : "success");
  report(r < 0, "sctp-tcp-info-struct", "struct tcp_info is never filled (%s)",
         r < 0 ? err(e) : "filled");

  /* Urgent data arrives in band (sctp-oob-*). */
  r = send(c, "a", 1, 0);
  r = send(c, "!", 1, MSG_OOB); e = errno;
  usleep(100000);
  ssize_t got = recv(s, buf, sizeof buf, 0);
  int inband = got == 2 && buf[0] == 'a' && buf[1] == '!';
  if (got == 1) { /* a message boundary: read the next one */
    ssize_t more = recv(s, buf + 1, sizeof buf - 1, MSG_DONTWAIT);
    inband = more == 1 && buf[1] == '!';
  }
  report(r == 1 && inband, "sctp-oob-send",
         "send(MSG_OOB) -> %s, and the urgent byte arrived in band", r == 1 ? "1" : err(e));
  int atmark = sockatmark(s); e = errno;
  report(atmark <= 0, "sctp-oob-sockatmark", "sockatmark() -> %d (%s)", atmark,
         atmark < 0 ? err(e) : "no mark");
  int mark = 0;
  r = ioctl(s, SIOCATMARK, &mark); e = errno;
  report(r < 0 && e == ENOTTY, "sctp-oob-siocatmark", "ioctl(SIOCATMARK) -> %s",
         r < 0 ? err(e) : "success");
  send(c, "b", 1, 0);
  usleep(100000);
  got = recv(s, buf, sizeof buf, MSG_OOB | MSG_DONTWAIT);
  report(got == 1 && buf[0] == 'b', "sctp-oob-recv",
         "recv(MSG_OOB) returned %zd byte(s) of ordinary data", got);
  r = setsockopt(s, SOL_SOCKET, SO_OOBINLINE, &one, sizeof one);
  report(r == 0, "sctp-oob-inline", "SO_OOBINLINE accepted (%s) but there is no urgent data to inline",
         r ? err(errno) : "success");
  r = setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  report(r == 0, "sctp-keepalive", "SO_KEEPALIVE accepted (%s); liveness is SCTP's heartbeat",
         r ? err(errno) : "success");
  int proto = 0;
  socklen_t plen = sizeof proto;
  getsockopt(s, SOL_SOCKET, SO_PROTOCOL, &proto, &plen);
  report(proto == IPPROTO_SCTP, "sctp-protocol-compare-so-protocol",
         "SO_PROTOCOL reports %d, not IPPROTO_TCP (6)", proto);
  r = setsockopt(s, SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one); e = errno;
  report(r < 0, "sctp-zerocopy-sockopt", "SO_ZEROCOPY -> %s", r < 0 ? err(e) : "success");

  /* sendfile() works but the data arrives as messages. */
  char path[] = "/tmp/sctpify-hazard-XXXXXX";
  int file = mkstemp(path);
  char block[8192];
  memset(block, 'x', sizeof block);
  for (int i = 0; i < 8; ++i)
    if (write(file, block, sizeof block) != (ssize_t)sizeof block)
      exit(2);
  off_t offset = 0;
  ssize_t sent = sendfile(c, file, &offset, 8 * sizeof block); e = errno;
  size_t received = 0;
  int reads = 0;
  while (sent > 0 && received < (size_t)sent) {
    ssize_t n = recv(s, block, sizeof block, 0);
    if (n <= 0)
      break;
    received += n;
    ++reads;
  }
  report(sent == 8 * (ssize_t)sizeof block && received == (size_t)sent, "sctp-sendfile",
         "sendfile() sent %zd bytes (%s); the peer needed %d reads", sent,
         sent < 0 ? err(e) : "ok", reads);
  unlink(path);
  close(file);

  /* No half-closed state: after the peer's SHUT_WR, sending fails. */
  r = shutdown(c, SHUT_WR);
  usleep(200000);
  got = recv(s, buf, sizeof buf, 0);
  ssize_t w = send(s, "late reply", 10, 0); e = errno;
  report(r == 0 && got == 0 && w < 0 && e == EPIPE, "sctp-half-close",
         "after the peer's shutdown(SHUT_WR): recv -> %zd, send -> %s", got,
         w < 0 ? err(e) : "success");
  close(c);
  close(s);
  printf("hazards: %d failure(s)\n", failures);
  return failures != 0;
}
