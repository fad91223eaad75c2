/* hazards.c: measures, over real SCTP one-to-one sockets, the behaviour
 * behind each sctpify flag whose reason is what happens at run time. Each
 * check prints `PASS <rule-id>: <what was observed>` when the documented
 * behaviour is seen, or `FAIL <rule-id>: ...`. Runs inside the test VM. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
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

  /* The same through sendmsg()/recvmsg(). */
  struct iovec iov = {.iov_base = "?", .iov_len = 1};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
  ssize_t sm = sendmsg(c, &msg, MSG_OOB); e = errno;
  usleep(100000);
  char in[8] = {0};
  struct iovec riov = {.iov_base = in, .iov_len = sizeof in};
  struct msghdr rmsg = {.msg_iov = &riov, .msg_iovlen = 1};
  ssize_t rm = recvmsg(s, &rmsg, MSG_OOB | MSG_DONTWAIT);
  report(sm == 1 && rm == 1 && in[0] == '?', "sctp-oob-sendmsg",
         "sendmsg(MSG_OOB) -> %s; the byte arrived as ordinary data", sm == 1 ? "1" : err(e));
  report(rm == 1 && in[0] == '?', "sctp-oob-recvmsg",
         "recvmsg(MSG_OOB) returned %zd byte(s) of ordinary data", rm);

  /* MSG_ZEROCOPY without SO_ZEROCOPY: the kernel copies; nothing to reap. */
  ssize_t zc = send(c, "z", 1, MSG_ZEROCOPY); e = errno;
  usleep(100000);
  got = recv(s, buf, sizeof buf, MSG_DONTWAIT);
  char control[128];
  struct msghdr err_msg = {.msg_control = control, .msg_controllen = sizeof control};
  ssize_t notes = recvmsg(c, &err_msg, MSG_ERRQUEUE | MSG_DONTWAIT);
  report(zc == 1 && got == 1 && notes < 0, "sctp-zerocopy-send",
         "send(MSG_ZEROCOPY) -> %s, data delivered, no completion on the error queue",
         zc == 1 ? "1" : err(e));
  zc = sendmsg(c, &msg, MSG_ZEROCOPY); e = errno;
  usleep(100000);
  got = recv(s, buf, sizeof buf, MSG_DONTWAIT);
  notes = recvmsg(c, &err_msg, MSG_ERRQUEUE | MSG_DONTWAIT);
  report(zc == 1 && got == 1 && notes < 0, "sctp-zerocopy-sendmsg",
         "sendmsg(MSG_ZEROCOPY) -> %s, data delivered, no completion on the error queue",
         zc == 1 ? "1" : err(e));

  /* splice() from a pipe into the socket works, as copied messages. */
  int pipefd[2];
  if (pipe(pipefd) || write(pipefd[1], "spliced", 7) != 7)
    exit(2);
  ssize_t spliced = splice(pipefd[0], NULL, c, NULL, 7, 0); e = errno;
  usleep(100000);
  got = recv(s, buf, sizeof buf, MSG_DONTWAIT);
  report(spliced == 7 && got == 7 && !memcmp(buf, "spliced", 7), "sctp-splice",
         "splice() into the socket -> %s; the peer read %zd bytes",
         spliced >= 0 ? "7" : err(e), got);
  close(pipefd[0]);
  close(pipefd[1]);

  /* Lookups: getaddrinfo asked for SCTP answers ai_protocol 132, so code
   * comparing it with IPPROTO_TCP changes its mind; named services have no
   * "sctp" entries, so switching a lookup to "sctp" breaks it. */
  struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM,
                           .ai_protocol = IPPROTO_SCTP, .ai_flags = AI_NUMERICHOST};
  struct addrinfo *res = NULL;
  int gai = getaddrinfo("127.0.0.1", "80", &hints, &res);
  report(gai == 0 && res->ai_protocol == IPPROTO_SCTP, "sctp-protocol-compare-ai-protocol",
         "getaddrinfo(hints IPPROTO_SCTP) gives ai_protocol %d", gai == 0 ? res->ai_protocol : -1);
  if (res)
    freeaddrinfo(res);
  res = NULL;
  gai = getaddrinfo("127.0.0.1", "http", &hints, &res);
  report(gai == EAI_SERVICE, "sctp-lookup-servbyname",
         "getaddrinfo(\"http\", IPPROTO_SCTP) -> %s; getservbyname(\"http\", \"sctp\") -> %s, "
         "getservbyname(\"http\", \"tcp\") -> %s",
         gai ? gai_strerror(gai) : "found", getservbyname("http", "sctp") ? "found" : "NULL",
         getservbyname("http", "tcp") ? "found" : "NULL");
  if (res)
    freeaddrinfo(res);
  report(getservbyport(htons(80), "sctp") == NULL && getservbyport(htons(80), "tcp") != NULL,
         "sctp-lookup-servbyport", "getservbyport(80, \"sctp\") -> NULL, \"tcp\" -> found");
  /* getprotobyname() returns a static buffer: read each answer at once. */
  struct protoent *entry = getprotobyname("tcp");
  int tcp = entry ? entry->p_proto : -1;
  entry = getprotobyname("sctp");
  int sctp = entry ? entry->p_proto : -1;
  report(tcp == 6 && sctp == 132, "sctp-lookup-protobyname",
         "getprotobyname(\"tcp\") -> %d, (\"sctp\") -> %d", tcp, sctp);

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
