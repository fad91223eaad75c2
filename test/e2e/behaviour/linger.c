/* linger.c (TCP form, what sctpify is given): the lingering close of
 * Apache, proftpd, thttpd and mini_httpd. The server reads a 100-byte
 * request, writes a 1 MiB response in 16 KiB writes, then shutdown(SHUT_WR),
 * select()s for readability and reads until EOF (5 s timeout), and closes.
 * The client sent 100 more bytes after its request (a pipelined request the
 * server will never serve): unread at close(), they would make TCP send a
 * reset and lose the response still in flight; the lingering close reads
 * them first. The client must receive all 1 MiB, then EOF. */
#include "step.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define RESPONSE (1 << 20)

static int client(struct sockaddr_in *addr) {
  static char buf[65536];
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (fd < 0) fatal("socket");
  if (connect(fd, (struct sockaddr *)addr, sizeof *addr) < 0) fatal("connect");
  memset(buf, 'q', 200);
  if (write(fd, buf, 200) != 200) fatal("write request");
  size_t got = 0;
  ssize_t n;
  int good = 1;
  step_begin();
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; ++i) good &= buf[i] == (char)('0' + (got + i) % 10);
    got += n;
  }
  if (n < 0) fatal("read response");
  step_end("client-received", good && got == RESPONSE, -1, "bytes=%zu expected=%d", got, RESPONSE);
  close(fd);
  return step_exit();
}

/* Apache's lingering_close(), in essence. */
static void lingering_close(int fd) {
  char junk[512];
  if (shutdown(fd, SHUT_WR) < 0) fatal("shutdown");
  for (;;) {
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fd, &set);
    struct timeval tv = {5, 0};
    int r = select(fd + 1, &set, NULL, NULL, &tv);
    if (r < 0) fatal("select");
    if (r == 0) break; /* timed out */
    if (read(fd, junk, sizeof junk) <= 0) break;
  }
  if (close(fd) < 0) fatal("close");
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t alen = sizeof addr;
  int listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (listener < 0) fatal("socket");
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0) fatal("bind");
  if (listen(listener, 4) < 0) fatal("listen");
  if (getsockname(listener, (struct sockaddr *)&addr, &alen) < 0) fatal("getsockname");
  pid_t pid = fork();
  if (pid < 0) fatal("fork");
  if (pid == 0) _exit(client(&addr));

  int fd = accept(listener, NULL, NULL);
  if (fd < 0) fatal("accept");
  char request[100];
  size_t have = 0;
  while (have < sizeof request) {
    ssize_t n = read(fd, request + have, sizeof request - have);
    if (n <= 0) fatal("read request");
    have += n;
  }
  static char chunk[16384];
  step_begin();
  for (size_t sent = 0; sent < RESPONSE; sent += sizeof chunk) {
    for (size_t i = 0; i < sizeof chunk; ++i) chunk[i] = (char)('0' + (sent + i) % 10);
    if (write(fd, chunk, sizeof chunk) != (ssize_t)sizeof chunk) fatal("write response");
  }
  step_end("server-wrote", 1, -1, "bytes=%d", RESPONSE);
  step_begin();
  lingering_close(fd);
  step_end("lingering-close", 1, -1, "%s", "");

  int status;
  if (waitpid(pid, &status, 0) < 0) fatal("waitpid");
  step_end("client-exit", WIFEXITED(status) && WEXITSTATUS(status) == 0, 0, "status=%d", status);
  close(listener);
  return step_exit();
}
