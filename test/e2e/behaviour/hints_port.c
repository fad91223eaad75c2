/* hints_port.c: REFERENCE PORT of hints.c, written by hand: the output
 * sctpify's behaviour work is to be compared against. Changes: the sockets
 * are SCTP; the options go through sctpify_setsockopt (helpers.h), which
 * accepts the performance-hint options with no effect on SCTP. */
#include "step.h"
#include "helpers.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define BODY 300000
static const char header[] = "HTTP/1.1 200 OK\r\nContent-Length: 300000\r\n\r\n";
static const char trailer[] = "\r\n-- end --\r\n";

static void set_int(int fd, int name, int value, const char *what) {
  if (sctpify_setsockopt(fd, IPPROTO_TCP, name, &value, sizeof value) < 0) fatal(what);
}

static int client(struct sockaddr_in *addr) {
  char buf[65536];
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  if (fd < 0) fatal("socket");
  set_int(fd, TCP_FASTOPEN_CONNECT, 1, "setsockopt TCP_FASTOPEN_CONNECT");
  if (connect(fd, (struct sockaddr *)addr, sizeof *addr) < 0) fatal("connect");
  if (write(fd, "GET /file\r\n\r\n", 13) != 13) fatal("write");
  size_t got = 0, expect = sizeof header - 1 + BODY + sizeof trailer - 1;
  int good = 1;
  ssize_t n;
  step_begin();
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; ++i) {
      size_t at = got + i, h = sizeof header - 1;
      char want = at < h ? header[at] : at < h + BODY ? (char)('a' + (at - h) % 26) : trailer[at - h - BODY];
      good &= buf[i] == want;
    }
    got += n;
  }
  if (n < 0) fatal("read");
  step_end("client-received", good && got == expect, -1, "bytes=%zu expected=%zu", got, expect);
  close(fd);
  return step_exit();
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  char path[] = "/tmp/sctpify-hints-XXXXXX";
  int file = mkstemp(path);
  if (file < 0) fatal("mkstemp");
  for (int i = 0; i < BODY; ++i) {
    char c = (char)('a' + i % 26);
    if (write(file, &c, 1) != 1) fatal("write file");
  }
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t alen = sizeof addr;

  step_begin();
  int listener = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  if (listener < 0) fatal("socket");
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0) fatal("bind");
  set_int(listener, TCP_DEFER_ACCEPT, 5, "setsockopt TCP_DEFER_ACCEPT");
  set_int(listener, TCP_FASTOPEN, 16, "setsockopt TCP_FASTOPEN");
  if (listen(listener, 4) < 0) fatal("listen");
  if (getsockname(listener, (struct sockaddr *)&addr, &alen) < 0) fatal("getsockname");
  step_end("listener-hints", 1, -1, "TCP_DEFER_ACCEPT=5 TCP_FASTOPEN=16");

  pid_t pid = fork();
  if (pid < 0) fatal("fork");
  if (pid == 0) _exit(client(&addr));

  int fd = accept(listener, NULL, NULL);
  if (fd < 0) fatal("accept");
  char request[64];
  if (read(fd, request, sizeof request) <= 0) fatal("read request");
  step_begin();
  set_int(fd, TCP_NOTSENT_LOWAT, 16384, "setsockopt TCP_NOTSENT_LOWAT");
  set_int(fd, TCP_THIN_LINEAR_TIMEOUTS, 1, "setsockopt TCP_THIN_LINEAR_TIMEOUTS");
  set_int(fd, TCP_THIN_DUPACK, 1, "setsockopt TCP_THIN_DUPACK");
  set_int(fd, TCP_WINDOW_CLAMP, 262144, "setsockopt TCP_WINDOW_CLAMP");
  set_int(fd, TCP_LINGER2, 10, "setsockopt TCP_LINGER2");
  if (sctpify_setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, "reno", 4) < 0) fatal("setsockopt TCP_CONGESTION");
  step_end("connection-hints", 1, -1, "6 options");

  step_begin();
  set_int(fd, TCP_CORK, 1, "setsockopt TCP_CORK 1");
  if (write(fd, header, sizeof header - 1) != (ssize_t)sizeof header - 1) fatal("write header");
  off_t offset = 0;
  while (offset < BODY)
    if (sendfile(fd, file, &offset, BODY - offset) <= 0) fatal("sendfile");
  if (write(fd, trailer, sizeof trailer - 1) != (ssize_t)sizeof trailer - 1) fatal("write trailer");
  set_int(fd, TCP_CORK, 0, "setsockopt TCP_CORK 0");
  step_end("corked-response", 1, -1, "bytes=%zu", sizeof header - 1 + BODY + sizeof trailer - 1);
  close(fd);

  int status;
  if (waitpid(pid, &status, 0) < 0) fatal("waitpid");
  step_end("client-exit", WIFEXITED(status) && WEXITSTATUS(status) == 0, 0, "status=%d", status);
  unlink(path);
  close(listener);
  return step_exit();
}
