/* fds_port.c: REFERENCE PORT of fds.c, written by hand: the output
 * sctpify's behaviour work is to be compared against. Changes: the sockets
 * are SCTP; the handler, which cannot know statically what its descriptor
 * is, sets TCP_NODELAY through sctpify_setsockopt (helpers.h): TCP_NODELAY
 * first, and on ENOPROTOOPT from an SCTP socket, SCTP_NODELAY. Two steps are
 * added: sctpify_is_sctp() on each kind of descriptor, and its cost. */
#include "step.h"
#include "helpers.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *modes[] = {"inetd", "dup", "env", "scm"};

static int handler(int fd, const char *mode) {
  step_begin();
  int one = 1;
  if (sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0) fatal("setsockopt TCP_NODELAY");
  char buf[64];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n != 5 || memcmp(buf, "ping\n", 5)) fatal("read ping");
  int len = snprintf(buf, sizeof buf, "pong %s\n", mode);
  if (write(fd, buf, len) != len) fatal("write pong");
  int sctp = sctpify_is_sctp(fd);
  close(fd);
  step_end(mode, sctp, -1, "handler=%d is_sctp=%d", (int)getpid(), sctp);
  return step_exit();
}

static int client(struct sockaddr_in *addr) {
  for (int i = 0; i < 4; ++i) {
    step_begin();
    int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
    if (fd < 0) fatal("socket");
    if (connect(fd, (struct sockaddr *)addr, sizeof *addr) < 0) fatal("connect");
    if (write(fd, "ping\n", 5) != 5) fatal("write ping");
    char buf[64] = {0}, want[64];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    if (n < 0) fatal("read pong");
    snprintf(want, sizeof want, "pong %s\n", modes[i]);
    char name[32];
    snprintf(name, sizeof name, "client-%s", modes[i]);
    step_end(name, !strcmp(buf, want), -1, "bytes=%zd", n);
    close(fd);
  }
  return step_exit();
}

static void pass_fd(int over, int fd) {
  char control[CMSG_SPACE(sizeof(int))] = {0};
  struct iovec iov = {(void *)"f", 1};
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &fd, sizeof fd);
  if (sendmsg(over, &msg, 0) != 1) fatal("sendmsg SCM_RIGHTS");
}

static int receive_fd(int over) {
  char control[CMSG_SPACE(sizeof(int))], byte;
  struct iovec iov = {&byte, 1};
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  if (recvmsg(over, &msg, 0) != 1) fatal("recvmsg SCM_RIGHTS");
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  int fd;
  if (!c || c->cmsg_type != SCM_RIGHTS) fatal("no SCM_RIGHTS");
  memcpy(&fd, CMSG_DATA(c), sizeof fd);
  return fd;
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);
  if (argc > 1 && !strcmp(argv[1], "--inetd")) return handler(0, "inetd");
  if (argc > 1 && !strcmp(argv[1], "--env")) return handler(atoi(getenv("HANDLER_FD")), "env");
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
  pid_t client_pid = fork();
  if (client_pid < 0) fatal("fork");
  if (client_pid == 0) _exit(client(&addr));

  for (int i = 0; i < 4; ++i) {
    int conn = accept(listener, NULL, NULL), pair[2];
    if (conn < 0) fatal("accept");
    if (i == 3 && socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0) fatal("socketpair");
    pid_t pid = fork();
    if (pid < 0) fatal("fork");
    if (pid == 0) {
      close(listener);
      if (i == 0) {
        if (dup2(conn, 0) < 0) fatal("dup2");
        close(conn);
        execl("/proc/self/exe", argv[0], "--inetd", (char *)NULL);
        fatal("exec");
      }
      if (i == 1) {
        int copy = dup(conn);
        if (copy < 0) fatal("dup");
        close(conn);
        _exit(handler(copy, "dup"));
      }
      if (i == 2) {
        char number[16];
        snprintf(number, sizeof number, "%d", conn);
        setenv("HANDLER_FD", number, 1);
        execl("/proc/self/exe", argv[0], "--env", (char *)NULL);
        fatal("exec");
      }
      close(conn);
      close(pair[0]);
      _exit(handler(receive_fd(pair[1]), "scm"));
    }
    if (i == 3) {
      close(pair[1]);
      pass_fd(pair[0], conn);
      close(pair[0]);
    }
    close(conn);
    int status;
    if (waitpid(pid, &status, 0) < 0) fatal("waitpid");
    int ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    step_end("handler-exit", ok, 0, "mode=%s status=%d", modes[i], status);
    if (!ok) { /* the client has given up too: stop serving */
      kill(client_pid, SIGTERM);
      return step_exit();
    }
  }
  int status;
  if (waitpid(client_pid, &status, 0) < 0) fatal("waitpid");
  step_end("client-exit", WIFEXITED(status) && WEXITSTATUS(status) == 0, 0, "status=%d", status);

  /* sctpify_is_sctp() on every kind of descriptor, and what it costs. */
  step_begin();
  int tcp = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), pipefd[2], unixfd[2];
  int file = open("/proc/self/exe", O_RDONLY);
  if (tcp < 0 || file < 0 || pipe(pipefd) < 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, unixfd) < 0)
    fatal("descriptors");
  int got[6] = {sctpify_is_sctp(listener), sctpify_is_sctp(tcp), sctpify_is_sctp(pipefd[0]),
                sctpify_is_sctp(file), sctpify_is_sctp(unixfd[0]), sctpify_is_sctp(-1)};
  step_end("is-sctp-table", got[0] == 1 && !got[1] && !got[2] && !got[3] && !got[4] && !got[5], -1,
           "sctp=%d tcp=%d pipe=%d file=%d unix=%d bad=%d", got[0], got[1], got[2], got[3], got[4], got[5]);
  step_begin();
  int hits = 0;
  double start = now_ms();
  for (int i = 0; i < 100000; ++i) hits += sctpify_is_sctp(listener);
  double sctp_ns = (now_ms() - start) * 1e6 / 100000;
  start = now_ms();
  for (int i = 0; i < 100000; ++i) hits += sctpify_is_sctp(tcp);
  double tcp_ns = (now_ms() - start) * 1e6 / 100000;
  start = now_ms();
  for (int i = 0; i < 100000; ++i) hits += getppid() > 0;
  double syscall_ns = (now_ms() - start) * 1e6 / 100000;
  step_end("is-sctp-cost", hits == 200000, -1, "ns_per_call_sctp=%.0f ns_per_call_tcp=%.0f ns_per_getppid=%.0f",
           sctp_ns, tcp_ns, syscall_ns);
  return step_exit();
}
