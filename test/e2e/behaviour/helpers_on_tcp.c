/* helpers_on_tcp.c: every helper of helpers.h, on a socket that stayed TCP
 * and on descriptors that are not sockets, must do exactly what the call it
 * replaces does: same result, same errno, same data. Each check runs the
 * original on one connection and the helper on an identical one, and prints
 * STEP <check> ok=... with both results. Runs anywhere TCP does. */
#include "step.h"
#include "helpers.h"
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

static int listener;
static struct sockaddr_in addr;

static void tcp_pair(int *client, int *server) {
  *client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (*client < 0 || connect(*client, (struct sockaddr *)&addr, sizeof addr) < 0) fatal("connect");
  *server = accept(listener, NULL, NULL);
  if (*server < 0) fatal("accept");
}

/* Result of a call as "value/errno". */
static void result(char *out, long r) {
  sprintf(out, "%ld/%s", r, r < 0 ? strerrorname_np(errno) : "-");
}

#define SAME(name, original, helper)                                      \
  do {                                                                    \
    char a[64], b[64];                                                    \
    step_begin();                                                         \
    errno = 0;                                                            \
    result(a, (long)(original));                                          \
    errno = 0;                                                            \
    result(b, (long)(helper));                                            \
    step_end(name, !strcmp(a, b), -1, "original=%s helper=%s", a, b);      \
  } while (0)

/* Reads and discards in a child until EOF; returns its pid. */
static pid_t drain(int fd) {
  pid_t pid = fork();
  if (pid == 0) {
    static char buf[65536];
    while (read(fd, buf, sizeof buf) > 0) {}
    _exit(0);
  }
  return pid;
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  static char big[1 << 20];
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t alen = sizeof addr;
  listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 ||
      listen(listener, 8) < 0 || getsockname(listener, (struct sockaddr *)&addr, &alen) < 0)
    fatal("listener");
  int c1, s1, c2, s2, pipefd[2];
  tcp_pair(&c1, &s1);
  tcp_pair(&c2, &s2);
  if (pipe(pipefd) < 0) fatal("pipe");

  int v = 5, zero = 0, one = 1, out1 = -1, out2 = -1;
  socklen_t l1 = sizeof out1, l2 = sizeof out2;
  SAME("is-sctp", 0, sctpify_is_sctp(c1));
  SAME("setsockopt-keepidle", setsockopt(c1, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v),
       sctpify_setsockopt(c2, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v));
  SAME("getsockopt-keepidle", getsockopt(c1, IPPROTO_TCP, TCP_KEEPIDLE, &out1, &l1) ?: out1,
       sctpify_getsockopt(c2, IPPROTO_TCP, TCP_KEEPIDLE, &out2, &l2) ?: out2);
  SAME("setsockopt-keepidle-0", setsockopt(c1, IPPROTO_TCP, TCP_KEEPIDLE, &zero, sizeof zero),
       sctpify_setsockopt(c2, IPPROTO_TCP, TCP_KEEPIDLE, &zero, sizeof zero));
  SAME("setsockopt-short", setsockopt(c1, IPPROTO_TCP, TCP_KEEPCNT, &v, 2),
       sctpify_setsockopt(c2, IPPROTO_TCP, TCP_KEEPCNT, &v, 2));
  SAME("setsockopt-cork", setsockopt(c1, IPPROTO_TCP, TCP_CORK, &one, sizeof one),
       sctpify_setsockopt(c2, IPPROTO_TCP, TCP_CORK, &one, sizeof one));
  SAME("getsockopt-cork", getsockopt(c1, IPPROTO_TCP, TCP_CORK, &out1, &l1) ?: out1,
       sctpify_getsockopt(c2, IPPROTO_TCP, TCP_CORK, &out2, &l2) ?: out2);
  SAME("setsockopt-uncork", setsockopt(c1, IPPROTO_TCP, TCP_CORK, &zero, sizeof zero),
       sctpify_setsockopt(c2, IPPROTO_TCP, TCP_CORK, &zero, sizeof zero));
  SAME("setsockopt-congestion-bogus", setsockopt(c1, IPPROTO_TCP, TCP_CONGESTION, "bogus", 5),
       sctpify_setsockopt(c2, IPPROTO_TCP, TCP_CONGESTION, "bogus", 5));
  SAME("setsockopt-unknown", setsockopt(c1, IPPROTO_TCP, 9999, &one, sizeof one),
       sctpify_setsockopt(c2, IPPROTO_TCP, 9999, &one, sizeof one));
  SAME("getsockopt-unknown", getsockopt(c1, IPPROTO_TCP, 9999, &out1, &l1),
       sctpify_getsockopt(c2, IPPROTO_TCP, 9999, &out2, &l2));
  SAME("setsockopt-pipe", setsockopt(pipefd[0], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one),
       sctpify_setsockopt(pipefd[0], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
  SAME("setsockopt-badfd", setsockopt(-1, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v),
       sctpify_setsockopt(-1, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v));

  SAME("write-0", write(c1, big, 0), sctpify_write(c2, big, 0));
  SAME("send-0", send(c1, big, 0, 0), sctpify_send(c2, big, 0, 0));
  SAME("write-pipe-0", write(pipefd[1], big, 0), sctpify_write(pipefd[1], big, 0));
  SAME("write-badfd", write(-1, big, 1), sctpify_write(-1, big, 1));
  SAME("write-pipe", write(pipefd[1], big, 100), sctpify_write(pipefd[1], big, 100));
  pid_t d1 = drain(s1), d2 = drain(s2);
  SAME("write-1MiB", write(c1, big, sizeof big), sctpify_write(c2, big, sizeof big));
  struct iovec iov[2] = {{big, 300000}, {big, 300000}};
  SAME("writev-600000", writev(c1, iov, 2), sctpify_writev(c2, iov, 2));
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  msg.msg_iov = iov;
  msg.msg_iovlen = 2;
  SAME("sendmsg-600000", sendmsg(c1, &msg, 0), sctpify_sendmsg(c2, &msg, 0));
  /* Wait until both queues are empty, then compare the queue sizes. */
  int q1 = 1, q2 = 1;
  for (int i = 0; i < 200 && (q1 || q2); ++i) {
    usleep(10000);
    if (ioctl(c1, SIOCOUTQ, &q1) < 0 || sctpify_ioctl_outq(c2, SIOCOUTQ, &q2) < 0) fatal("outq");
  }
  SAME("ioctl-outq", q1, q2);
  SAME("ioctl-outq-pipe", ioctl(pipefd[0], SIOCOUTQNSD, &q1), sctpify_ioctl_outq(pipefd[0], SIOCOUTQNSD, &q2));
  shutdown(c1, SHUT_WR);
  shutdown(c2, SHUT_WR);
  waitpid(d1, NULL, 0);
  waitpid(d2, NULL, 0);
  close(c1), close(s1), close(c2), close(s2);

  /* MSG_WAITALL over two writes; MSG_DONTWAIT|MSG_WAITALL with less queued. */
  tcp_pair(&c1, &s1);
  tcp_pair(&c2, &s2);
  char r1[300], r2[300];
  if (write(c1, big, 100) != 100 || write(c2, big, 100) != 100) fatal("write");
  SAME("recv-dontwait-waitall", recv(s1, r1, sizeof r1, MSG_DONTWAIT | MSG_WAITALL),
       sctpify_recv(s2, r2, sizeof r2, MSG_DONTWAIT | MSG_WAITALL));
  pid_t w = fork();
  if (w == 0) {
    usleep(100000);
    if (write(c1, big, 150) != 150 || write(c2, big, 150) != 150) _exit(1);
    usleep(100000);
    if (write(c1, big, 150) != 150 || write(c2, big, 150) != 150) _exit(1);
    _exit(0);
  }
  SAME("recv-waitall", recv(s1, r1, sizeof r1, MSG_WAITALL), sctpify_recv(s2, r2, sizeof r2, MSG_WAITALL));
  waitpid(w, NULL, 0);

  /* On TCP the graceful shutdown is SHUT_WR alone: the peer sees EOF and
   * can still answer, and we can still read the answer. */
  step_begin();
  if (sctpify_graceful_shutdown(c2) < 0) fatal("sctpify_graceful_shutdown");
  char buf[16];
  ssize_t eof = recv(s2, r2, sizeof r2, 0);
  ssize_t answered = write(s2, "late", 4);
  ssize_t got = read(c2, buf, sizeof buf);
  step_end("graceful-shutdown-half-close", eof == 0 && answered == 4 && got == 4, -1,
           "peer_read=%zd peer_write=%zd we_read=%zd", eof, answered, got);
  return step_exit();
}
