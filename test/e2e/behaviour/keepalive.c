/* keepalive.c (TCP form, what sctpify is given): a server and a client that
 * tune TCP keep-alive the way libuv, nginx and Redis do, every call checked
 * and fatal on failure. The listener's settings (idle 2 s, interval 1 s,
 * 3 probes) are inherited by the accepted connection; the client sets its
 * own before connect and changes one on the connected socket; both read
 * every value back. Then the network goes away (the harness brings lo down)
 * and the server must see ETIMEDOUT within its keep-alive bound,
 * idle + count * interval = 2 + 3 * 1 = 5 s, plus a slack of 3 s (two
 * SCTP retransmission timeouts at their 1 s minimum, which SCTP's heartbeat
 * timers add, and the random part of each heartbeat's timer, up to one RTO;
 * see docs/behaviour.md): step dead-peer's ms is the time past bound +
 * slack, its elapsed= the time taken. A mapping without the helpers'
 * halved interval (11-12 s) still fails. */
#include "step.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void set_int(int fd, int level, int name, int value, const char *what) {
  if (setsockopt(fd, level, name, &value, sizeof value) < 0) fatal(what);
}

static int get_int(int fd, int level, int name, const char *what) {
  int value = -1;
  socklen_t len = sizeof value;
  if (getsockopt(fd, level, name, &value, &len) < 0) fatal(what);
  return value;
}

/* Reads back idle, interval and count; 1 if they are as expected. */
static int check(int fd, int idle, int intvl, int cnt, char *out, size_t n) {
  int i = get_int(fd, IPPROTO_TCP, TCP_KEEPIDLE, "getsockopt TCP_KEEPIDLE");
  int v = get_int(fd, IPPROTO_TCP, TCP_KEEPINTVL, "getsockopt TCP_KEEPINTVL");
  int c = get_int(fd, IPPROTO_TCP, TCP_KEEPCNT, "getsockopt TCP_KEEPCNT");
  snprintf(out, n, "idle=%d intvl=%d cnt=%d", i, v, c);
  return i == idle && v == intvl && c == cnt;
}

int main(void) {
  char text[128];
  signal(SIGPIPE, SIG_IGN);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t alen = sizeof addr;

  step_begin();
  int listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (listener < 0) fatal("socket");
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0) fatal("bind");
  if (listen(listener, 4) < 0) fatal("listen");
  if (getsockname(listener, (struct sockaddr *)&addr, &alen) < 0) fatal("getsockname");
  set_int(listener, SOL_SOCKET, SO_KEEPALIVE, 1, "SO_KEEPALIVE");
  set_int(listener, IPPROTO_TCP, TCP_KEEPIDLE, 2, "setsockopt TCP_KEEPIDLE");
  set_int(listener, IPPROTO_TCP, TCP_KEEPINTVL, 1, "setsockopt TCP_KEEPINTVL");
  set_int(listener, IPPROTO_TCP, TCP_KEEPCNT, 3, "setsockopt TCP_KEEPCNT");
  step_end("listener-options", check(listener, 2, 1, 3, text, sizeof text), -1, "%s", text);

  step_begin();
  int client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (client < 0) fatal("socket");
  set_int(client, SOL_SOCKET, SO_KEEPALIVE, 1, "SO_KEEPALIVE");
  set_int(client, IPPROTO_TCP, TCP_SYNCNT, 3, "setsockopt TCP_SYNCNT");
  set_int(client, IPPROTO_TCP, TCP_KEEPIDLE, 20, "setsockopt TCP_KEEPIDLE");
  set_int(client, IPPROTO_TCP, TCP_KEEPINTVL, 5, "setsockopt TCP_KEEPINTVL");
  set_int(client, IPPROTO_TCP, TCP_KEEPCNT, 4, "setsockopt TCP_KEEPCNT");
  int ok = check(client, 20, 5, 4, text, sizeof text);
  int syncnt = get_int(client, IPPROTO_TCP, TCP_SYNCNT, "getsockopt TCP_SYNCNT");
  step_end("client-options-before-connect", ok && syncnt == 3, -1, "%s syncnt=%d", text, syncnt);

  step_begin();
  if (connect(client, (struct sockaddr *)&addr, sizeof addr) < 0) fatal("connect");
  int server = accept(listener, NULL, NULL);
  if (server < 0) fatal("accept");
  ok = check(client, 20, 5, 4, text, sizeof text);
  step_end("client-options-after-connect", ok, -1, "%s", text);

  step_begin();
  ok = check(server, 2, 1, 3, text, sizeof text);
  step_end("accepted-inherits-listener", ok, -1, "%s", text);

  step_begin();
  set_int(client, IPPROTO_TCP, TCP_KEEPIDLE, 30, "setsockopt TCP_KEEPIDLE");
  set_int(client, IPPROTO_TCP, TCP_QUICKACK, 1, "setsockopt TCP_QUICKACK");
  get_int(client, IPPROTO_TCP, TCP_QUICKACK, "getsockopt TCP_QUICKACK");
  ok = check(client, 30, 5, 4, text, sizeof text);
  step_end("connected-set", ok, -1, "%s", text);

  /* One request and reply, so the connection has measured its round trip. */
  step_begin();
  char buf[16];
  if (write(client, "ping", 4) != 4) fatal("write");
  if (read(server, buf, sizeof buf) != 4) fatal("read");
  if (write(server, "pong", 4) != 4) fatal("write");
  if (read(client, buf, sizeof buf) != 4) fatal("read");
  step_end("exchange", 1, -1, "bytes=8");

  /* The network disappears; the server's keep-alive must notice. */
  step_begin();
  if (system("/usr/bin/busybox ip link set lo down") != 0) fatal("ip link set lo down");
  double start = now_ms();
  struct pollfd p = {server, POLLIN, 0};
  int r = poll(&p, 1, 30000);
  double elapsed = now_ms() - start;
  ssize_t n = read(server, buf, sizeof buf);
  int e = errno;
  if (system("/usr/bin/busybox ip link set lo up && /usr/bin/busybox ip link set lo mtu 1500") != 0)
    fatal("ip link set lo up");
  double bound = 2000 + 3 * 1000, slack = 3000;
  step_end("dead-peer", r == 1 && n < 0 && e == ETIMEDOUT, elapsed > bound + slack ? elapsed - bound - slack : 0,
           "elapsed=%.0f bound=%.0f slack=%.0f read=%zd errno=%s", elapsed, bound, slack, n,
           n < 0 ? strerrorname_np(e) : "-");
  close(server);
  close(client);
  close(listener);
  return step_exit();
}
