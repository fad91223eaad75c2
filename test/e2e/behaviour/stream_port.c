/* stream_port.c: REFERENCE PORT of stream.c, written by hand: the output
 * sctpify's behaviour work is to be compared against. Changes: the sockets
 * are SCTP; write/send/sendto/writev go through sctpify_write, sctpify_send,
 * sctpify_sendto and sctpify_writev, recv/recvfrom/recvmsg(MSG_WAITALL)
 * through sctpify_recv, sctpify_recvfrom and sctpify_recvmsg, ioctl(SIOCOUTQ)
 * through sctpify_ioctl_outq (helpers.h). FIONREAD is left as it was. The
 * helper's cost on bulk transfers is measured by diagnostics.c. */
#include "step.h"
#include "helpers.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define MIB (1 << 20)
#define BULK (2 * MIB)
static char out[MIB], in[MIB];

static void pattern(char *p, size_t n, size_t seed) {
  for (size_t i = 0; i < n; ++i) p[i] = (char)((seed + i) * 7 % 251);
}

static int matches(const char *p, size_t n, size_t seed) {
  int good = 1;
  for (size_t i = 0; i < n; ++i) good &= p[i] == (char)((seed + i) * 7 % 251);
  return good;
}

/* Reads exactly n bytes and checks them against the pattern. */
static int read_all(int fd, size_t n, size_t seed) {
  size_t got = 0;
  int good = 1;
  while (got < n) {
    size_t want = n - got < MIB ? n - got : MIB;
    ssize_t r = read(fd, in, want);
    if (r <= 0) fatal("read");
    good &= matches(in, r, seed + got);
    got += r;
  }
  return good;
}

/* A function of the program's own that others may call with any socket:
 * the analysis cannot see where fd comes from. */
ssize_t send_record(int fd, const char *record, size_t len) {
  return sctpify_send(fd, record, len, MSG_NOSIGNAL);
}

static int sender(int fd) {
  pattern(out, MIB, 0);
  step_begin();
  if (sctpify_write(fd, out, MIB) != MIB) fatal("write 1 MiB");
  step_end("big-write", 1, -1, "bytes=%d", MIB);

  step_begin();
  ssize_t w = sctpify_write(fd, out, 0), s = sctpify_send(fd, out, 0, 0);
  if (w < 0 || s < 0) fatal("empty write");
  step_end("zero-write", w == 0 && s == 0, -1, "write=%zd send=%zd", w, s);

  step_begin();
  struct iovec iov[3] = {{out, 100000}, {out + 100000, 400000}, {out + 500000, 100000}};
  if (sctpify_writev(fd, iov, 3) != 600000) fatal("writev");
  step_end("big-writev", 1, -1, "bytes=600000");

  step_begin();
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) fatal("fcntl");
  size_t sent = 0;
  int partial = 0, again = 0;
  while (sent < MIB) {
    ssize_t n = sctpify_send(fd, out + sent, MIB - sent, 0);
    if (n < 0 && errno != EAGAIN) fatal("send");
    if (n < 0) {
      struct pollfd p = {fd, POLLOUT, 0};
      if (poll(&p, 1, 5000) <= 0) fatal("poll");
      again++;
      continue;
    }
    partial += (size_t)n < MIB - sent;
    sent += n;
  }
  if (fcntl(fd, F_SETFL, flags) < 0) fatal("fcntl");
  step_end("nonblocking-send", 1, -1, "bytes=%zu partial=%d eagain=%d", sent, partial, again);

  for (int i = 0; i < 10; ++i) {
    if (write(fd, out + i * 10000, 10000) != 10000) fatal("write piece");
    usleep(20000);
  }

  /* Wait until the peer has everything (it starts reading after 300 ms). */
  step_begin();
  for (int i = 0; i < 15; ++i)
    if (write(fd, out + i * 10000, 10000) != 10000) fatal("write queue");
  int queued = -1, first = -1;
  double limit = now_ms() + 1900;
  do {
    if (sctpify_ioctl_outq(fd, SIOCOUTQ, &queued) < 0) fatal("ioctl SIOCOUTQ");
    if (first < 0) first = queued;
    if (queued) usleep(10000);
  } while (queued && now_ms() < limit);
  step_end("outq-drain", queued == 0, -1, "first=%d last=%d", first, queued);

  for (int i = 0; i < 3; ++i) {
    if (write(fd, out, 50 + 20 * i) != 50 + 20 * i) fatal("write message");
    usleep(20000);
  }

  /* The peer counts FIONREAD bytes first: nothing more may be queued. */
  char go;
  if (read(fd, &go, 1) != 1) fatal("read go");
  step_begin();
  if (sctpify_sendto(fd, out, MIB, 0, NULL, 0) != MIB) fatal("sendto 1 MiB");
  step_end("big-sendto", 1, -1, "bytes=%d", MIB);
  for (int round = 0; round < 2; ++round)
    for (int i = 0; i < 10; ++i) {
      if (write(fd, out + i * 10000, 10000) != 10000) fatal("write piece");
      usleep(20000);
    }
  step_begin();
  if (send_record(fd, out, 300000) != 300000) fatal("send_record");
  step_end("send-through-function", 1, -1, "bytes=300000");

  if (read(fd, &go, 1) != 1) fatal("read go");
  step_begin();
  for (size_t done = 0; done < BULK; done += MIB)
    if (sctpify_write(fd, out, MIB) != MIB) fatal("write bulk");
  step_end("throughput", 1, -1, "bytes=%d", BULK);
  close(fd);
  return step_exit();
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t alen = sizeof addr;
  int listener = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  if (listener < 0) fatal("socket");
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0) fatal("bind");
  if (listen(listener, 4) < 0) fatal("listen");
  if (getsockname(listener, (struct sockaddr *)&addr, &alen) < 0) fatal("getsockname");
  pid_t pid = fork();
  if (pid < 0) fatal("fork");
  if (pid == 0) {
    int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
    if (fd < 0) fatal("socket");
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) fatal("connect");
    _exit(sender(fd));
  }
  int fd = accept(listener, NULL, NULL);
  if (fd < 0) fatal("accept");

  step_begin();
  int good = read_all(fd, MIB, 0) & read_all(fd, 600000, 0) & read_all(fd, MIB, 0);
  step_end("received-writes", good, -1, "bytes=%d", 2 * MIB + 600000);

  step_begin();
  ssize_t n = sctpify_recv(fd, in, 100000, MSG_WAITALL);
  if (n < 0) fatal("recv MSG_WAITALL");
  int same = n == 100000 && matches(in, 100000, 0);
  step_end("recv-waitall", same, -1, "bytes=%zd wanted=100000", n);

  usleep(300000);
  step_begin();
  good = read_all(fd, 150000, 0);
  step_end("read-queued", good, -1, "bytes=150000");

  step_begin();
  size_t total = 0;
  int reads = 0;
  while (total < 210) {
    struct pollfd p = {fd, POLLIN, 0};
    int available = 0;
    if (poll(&p, 1, 2000) != 1) fatal("poll");
    if (ioctl(fd, FIONREAD, &available) < 0) fatal("ioctl FIONREAD");
    if (available <= 0 || total + available > 210) fatal("FIONREAD");
    if (read(fd, in, available) != available) fatal("read FIONREAD bytes");
    total += available;
    reads++;
  }
  step_end("fionread-loop", total == 210, -1, "bytes=%zu reads=%d", total, reads);
  if (write(fd, "g", 1) != 1) fatal("write go");
  step_begin();
  good = read_all(fd, MIB, 0);
  step_end("received-sendto", good, -1, "bytes=%d", MIB);

  step_begin();
  n = sctpify_recvfrom(fd, in, 100000, MSG_WAITALL, NULL, NULL);
  if (n < 0) fatal("recvfrom MSG_WAITALL");
  same = n == 100000 && matches(in, 100000, 0);
  step_end("recvfrom-waitall", same, -1, "bytes=%zd wanted=100000", n);

  step_begin();
  memset(in, 0, 100000);
  struct iovec halves[2] = {{in, 30000}, {in + 30000, 70000}};
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  msg.msg_iov = halves;
  msg.msg_iovlen = 2;
  n = sctpify_recvmsg(fd, &msg, MSG_WAITALL);
  if (n < 0) fatal("recvmsg MSG_WAITALL");
  same = n == 100000 && matches(in, 100000, 0);
  step_end("recvmsg-waitall", same, -1, "bytes=%zd wanted=100000", n);

  step_begin();
  good = read_all(fd, 300000, 0);
  step_end("received-record", good, -1, "bytes=300000");
  if (write(fd, "g", 1) != 1) fatal("write go");

  step_begin();
  double start = now_ms();
  good = 1;
  for (int i = 0; i < BULK / MIB; ++i) good &= read_all(fd, MIB, 0);
  double ms = now_ms() - start;
  step_end("bulk-received", good, -1, "bytes=%d MBps=%.1f", BULK, BULK / 1e3 / ms);
  if (read(fd, in, 1) != 0) fatal("expected EOF");
  int status;
  if (waitpid(pid, &status, 0) < 0) fatal("waitpid");
  step_end("sender-exit", WIFEXITED(status) && WEXITSTATUS(status) == 0, 0, "status=%d", status);
  return step_exit();
}
