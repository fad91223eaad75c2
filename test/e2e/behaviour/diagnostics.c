/* diagnostics.c: measures, over SCTP one-to-one sockets in the test VM, the
 * facts behind the helpers and behind what stays a diagnostic. Prints
 *   STEP diag-<name> ok=<1 if the documented behaviour was seen> ms=... facts
 * so that docs/behaviour.md can quote the numbers and a kernel that behaves
 * differently fails the run. */
#include "step.h"
#include "helpers.h"
#include <arpa/inet.h>
#include <linux/sock_diag.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

static int listener;
static struct sockaddr_in addr;

static void sctp_pair(int *client, int *server) {
  *client = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  if (*client < 0 || connect(*client, (struct sockaddr *)&addr, sizeof addr) < 0) fatal("connect");
  *server = accept(listener, NULL, NULL);
  if (*server < 0) fatal("accept");
}

static long snmp(const char *key) {
  FILE *f = fopen("/proc/net/sctp/snmp", "r");
  char name[64];
  long value, found = -1;
  if (!f) fatal("/proc/net/sctp/snmp");
  while (fscanf(f, "%63s %ld", name, &value) == 2)
    if (!strcmp(name, key)) found = value;
  fclose(f);
  return found;
}

static const char *err(ssize_t r, int e) { return r < 0 ? strerrorname_np(e) : "-"; }

/* A real half-close: the client sends a request and shuts its write side;
 * the server answers after reading EOF (reply_first = 0) or as soon as it
 * has the request (1). Client variant: SHUT_WR (0) or the helper (1). */
static void half_close(const char *name, int reply_first, int helper) {
  int c, s;
  char buf[64];
  sctp_pair(&c, &s);
  step_begin();
  if (write(c, "request", 7) != 7) fatal("write");
  if (helper ? sctpify_graceful_shutdown(c) : shutdown(c, SHUT_WR)) fatal("shutdown");
  ssize_t req = read(s, buf, sizeof buf), w = 0, eof = 1;
  int we = 0;
  if (reply_first) { w = write(s, "reply", 5); we = errno; }
  eof = read(s, buf, sizeof buf);
  if (!reply_first) { w = write(s, "reply", 5); we = errno; }
  struct pollfd p = {c, POLLIN, 0};
  int readable = poll(&p, 1, 1000);
  ssize_t got = read(c, buf, sizeof buf);
  int ge = errno;
  int ok = reply_first ? 1 : (w < 0 && we == EPIPE);
  step_end(name, ok, -1, "server_read=%zd server_eof=%zd server_write=%zd/%s client_readable=%d client_read=%zd/%s",
           req, eof, w, err(w, we), readable, got, err(got, ge));
  close(c), close(s);
}

/* Bulk transfer of `total` bytes in writes of `size`, plain or through
 * sctpify_write, to a reader in another process; prints MB/s (not judged:
 * the speed of the TCG VM depends on the host's load). */
static void throughput(int proto, size_t size, int helper, size_t total) {
  static char data[1 << 20];
  int l = socket(AF_INET, SOCK_STREAM, proto), c, s;
  struct sockaddr_in a = addr;
  socklen_t alen = sizeof a;
  a.sin_port = 0;
  if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, 1) < 0 ||
      getsockname(l, (struct sockaddr *)&a, &alen) < 0)
    fatal("throughput listener");
  c = socket(AF_INET, SOCK_STREAM, proto);
  if (c < 0 || connect(c, (struct sockaddr *)&a, sizeof a) < 0) fatal("throughput connect");
  if ((s = accept(l, NULL, NULL)) < 0) fatal("throughput accept");
  close(l);
  pid_t pid = fork();
  if (pid == 0) {
    size_t got = 0;
    ssize_t n;
    close(c);
    while ((n = read(s, data, sizeof data)) > 0) got += n;
    _exit(got == total ? 0 : 1);
  }
  close(s);
  double start = now_ms();
  for (size_t sent = 0; sent < total; sent += size)
    if ((helper ? sctpify_write(c, data, size) : write(c, data, size)) != (ssize_t)size) fatal("throughput write");
  close(c);
  int status;
  waitpid(pid, &status, 0);
  double ms = now_ms() - start;
  printf("MEASURE throughput transport=%s writer=%s write_size=%zu bytes=%zu ms=%.0f MBps=%.1f complete=%d\n",
         proto == IPPROTO_SCTP ? "sctp" : "tcp", helper ? "sctpify_write" : "write", size, total, ms,
         total / 1e3 / ms, WIFEXITED(status) && WEXITSTATUS(status) == 0);
  fflush(stdout);
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);
  static char big[300000];
  char buf[256];
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t alen = sizeof addr;
  listener = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 ||
      listen(listener, 8) < 0 || getsockname(listener, (struct sockaddr *)&addr, &alen) < 0)
    fatal("listener");
  int c, s, r, e, one = 1, zero = 0;

  half_close("diag-half-close-reply-after-eof", 0, 0);
  half_close("diag-half-close-reply-first", 1, 0);
  half_close("diag-half-close-client-helper", 1, 1);

  /* The lingering-close helper while the send queue is full: the peer
   * (another process) starts reading only 500 ms later; does it get every
   * byte queued before the shutdown and close? */
  sctp_pair(&c, &s);
  step_begin();
  int counted[2];
  if (pipe(counted)) fatal("pipe");
  pid_t pid = fork();
  if (pid == 0) {
    size_t total = 0;
    ssize_t got;
    close(s);
    usleep(500000);
    while ((got = read(c, big, sizeof big)) > 0) total += got;
    if (write(counted[1], &total, sizeof total) != sizeof total) _exit(1);
    _exit(got == 0 ? 0 : 1);
  }
  close(c);
  size_t written = 0;
  while (send(s, big, 16384, MSG_DONTWAIT) == 16384) written += 16384;
  int in_flight = -1;
  sctpify_ioctl_outq(s, SIOCOUTQ, &in_flight);
  double t0 = now_ms();
  if (sctpify_graceful_shutdown(s)) fatal("sctpify_graceful_shutdown");
  struct pollfd ready = {s, POLLIN, 0};
  int polled = poll(&ready, 1, 5000);
  ssize_t drained = read(s, buf, sizeof buf);
  close(s);
  double waited = now_ms() - t0;
  int child;
  size_t peer_total = 0;
  waitpid(pid, &child, 0);
  if (read(counted[0], &peer_total, sizeof peer_total) != sizeof peer_total) peer_total = 0;
  close(counted[0]), close(counted[1]);
  step_end("diag-linger-in-flight", in_flight > 0 && polled == 1 && drained == 0 && child == 0 &&
           peer_total == written, -1,
           "written=%zu queued_at_shutdown=%d poll=%d read=%zd close_after_ms=%.0f peer_got=%zu",
           written, in_flight, polled, drained, waited, peer_total);

  /* Our own SHUT_WR: never readable; recv gives ENOTCONN once it is over. */
  sctp_pair(&c, &s);
  step_begin();
  if (shutdown(s, SHUT_WR)) fatal("shutdown");
  struct pollfd p = {s, POLLIN, 0};
  int readable = poll(&p, 1, 1000);
  ssize_t n = recv(s, buf, sizeof buf, MSG_DONTWAIT);
  e = errno;
  step_end("diag-own-shut-wr", readable == 0 && n < 0, 0, "poll_1000ms=%d recv=%zd/%s", readable, n, err(n, e));
  close(c), close(s);

  /* Sizes: 0 bytes and more than the send buffer. */
  sctp_pair(&c, &s);
  step_begin();
  int sndbuf = 0;
  socklen_t len = sizeof sndbuf;
  getsockopt(c, SOL_SOCKET, SO_SNDBUF, &sndbuf, &len);
  ssize_t w0 = write(c, big, 0); int e0 = errno;
  ssize_t s0 = send(c, big, 0, 0); int es = errno;
  ssize_t full = write(c, big, (size_t)sndbuf); int ef = errno;
  ssize_t over = write(c, big, (size_t)sndbuf + 1); int eo = errno;
  step_end("diag-write-sizes", w0 < 0 && e0 == EINVAL && s0 < 0 && es == EINVAL && full == sndbuf && over < 0 && eo == EMSGSIZE,
           -1, "sndbuf=%d write0=%zd/%s send0=%zd/%s write_sndbuf=%zd/%s write_sndbuf+1=%zd/%s",
           sndbuf, w0, err(w0, e0), s0, err(s0, es), full, err(full, ef), over, err(over, eo));
  while (recv(s, big, sizeof big, MSG_DONTWAIT) > 0) {}
  close(c), close(s);

  /* Messages: MSG_WAITALL, MSG_PEEK|MSG_WAITALL, FIONREAD with 50 + 70 queued. */
  sctp_pair(&c, &s);
  step_begin();
  if (write(c, big, 50) != 50 || write(c, big, 70) != 70) fatal("write");
  usleep(100000);
  int inq = -1;
  ioctl(s, FIONREAD, &inq);
  ssize_t peek = recv(s, buf, 120, MSG_PEEK | MSG_WAITALL);
  ssize_t all = recv(s, buf, 120, MSG_WAITALL);
  ssize_t helper = sctpify_recv(s, buf + all, 120 - all, MSG_WAITALL);
  step_end("diag-messages", inq == 50 && peek == 50 && all == 50 && helper == 70, -1,
           "fionread=%d peek_waitall=%zd waitall=%zd helper_rest=%zd", inq, peek, all, helper);
  close(c), close(s);

  /* What SCTP reports while 220 KB wait for a receiver that does not read. */
  sctp_pair(&c, &s);
  step_begin();
  size_t queued = 0;
  while (send(c, big, 10000, MSG_DONTWAIT) == 10000) queued += 10000;
  usleep(200000);
  struct sctp_status st;
  memset(&st, 0, sizeof st);
  len = sizeof st;
  getsockopt(c, IPPROTO_SCTP, SCTP_STATUS, &st, &len);
  int outq = -1, helper_q = -1;
  r = ioctl(c, SIOCOUTQ, &outq); e = errno;
  sctpify_ioctl_outq(c, SIOCOUTQ, &helper_q);
  while (recv(s, big, sizeof big, MSG_DONTWAIT) > 0 || (usleep(20000), recv(s, big, sizeof big, MSG_DONTWAIT) > 0)) {}
  usleep(200000);
  int after = -1;
  sctpify_ioctl_outq(c, SIOCOUTQ, &after);
  step_end("diag-send-queue", r < 0 && e == ENOTTY && helper_q >= (int)queued / 2 && after == 0, 0,
           "queued=%zu siocoutq=%s unackdata=%u penddata=%u rwnd=%u helper_bytes=%d helper_after_drain=%d",
           queued, strerrorname_np(e), st.sstat_unackdata, st.sstat_penddata, st.sstat_rwnd, helper_q, after);
  close(c), close(s);

  /* MSG_MORE (what TCP_CORK asks for) bundles small sends into one packet. */
  long packets[2];
  for (int more = 0; more < 2; ++more) {
    sctp_pair(&c, &s);
    usleep(100000);
    long before = snmp("SctpOutSCTPPacks");
    for (int i = 0; i < 4; ++i)
      if (send(c, big, 100, more && i < 3 ? MSG_MORE : 0) != 100) fatal("send");
    usleep(300000);
    packets[more] = snmp("SctpOutSCTPPacks") - before;
    close(c), close(s);
  }
  step_end("diag-msg-more", packets[1] < packets[0], 0,
           "packets_4x100_plain=%ld packets_4x100_msg_more=%ld (both directions)", packets[0], packets[1]);

  /* What stays flagged: no SCTP counterpart through the helpers. */
  sctp_pair(&c, &s);
  step_begin();
  int ut = 1000, got = -1;
  len = sizeof got;
  int r1 = sctpify_setsockopt(c, IPPROTO_TCP, TCP_USER_TIMEOUT, &ut, sizeof ut); int e1 = errno;
  int r2 = sctpify_getsockopt(c, IPPROTO_TCP, TCP_CORK, &got, &len); int e2 = errno;
  char name[16];
  len = sizeof name;
  int r3 = sctpify_getsockopt(c, IPPROTO_TCP, TCP_CONGESTION, name, &len); int e3 = errno;
  struct tcp_info info;
  len = sizeof info;
  int r4 = sctpify_getsockopt(c, IPPROTO_TCP, TCP_INFO, &info, &len); int e4 = errno;
  int r5 = sctpify_setsockopt(c, IPPROTO_TCP, TCP_CORK, &one, sizeof one);
  step_end("diag-flagged-options", r1 < 0 && r2 < 0 && r3 < 0 && r4 < 0 && r5 == 0, -1,
           "set_user_timeout=%s get_cork=%s get_congestion=%s get_info=%s set_cork=%d",
           err(r1, e1), err(r2, e2), err(r3, e3), err(r4, e4), r5);

  /* SO_KEEPALIVE off does not stop SCTP's heartbeat. */
  step_begin();
  if (setsockopt(c, SOL_SOCKET, SO_KEEPALIVE, &zero, sizeof zero)) fatal("SO_KEEPALIVE");
  struct sctp_paddrparams pp;
  memset(&pp, 0, sizeof pp);
  len = sizeof pp;
  if (getsockopt(c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &pp, &len)) fatal("SCTP_PEER_ADDR_PARAMS");
  step_end("diag-so-keepalive-off", (pp.spp_flags & SPP_HB_ENABLE) != 0, -1,
           "hb_enabled=%d hbinterval_ms=%u", !!(pp.spp_flags & SPP_HB_ENABLE), pp.spp_hbinterval);
  close(c), close(s);

  if (argc < 2 || strcmp(argv[1], "--no-throughput"))
    for (int round = 0; round < 2; ++round) {
      throughput(IPPROTO_SCTP, 1 << 20, 1, 32 << 20);
      throughput(IPPROTO_SCTP, 32768, 0, 32 << 20);
      throughput(IPPROTO_SCTP, 32768, 1, 32 << 20);
      throughput(IPPROTO_SCTP, 65536, 0, 32 << 20);
      throughput(IPPROTO_SCTP, 16384, 0, 32 << 20);
      throughput(IPPROTO_TCP, 1 << 20, 0, 32 << 20);
    }
  return step_exit();
}
