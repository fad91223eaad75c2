/* fds.c (TCP form, what sctpify is given): connections handled through
 * descriptors the handling code did not create, as inetd services, pre-fork
 * servers and socket-activated daemons get them: fd 0 after exec (inetd),
 * a dup() of the accepted socket, a descriptor number passed in the
 * environment across exec, and one received with SCM_RIGHTS. The handler
 * sets TCP_NODELAY (fatal on failure, as real code does) and answers a ping.
 * The client checks each answer. */
#include "step.h"
#include <arpa/inet.h>
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
  if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0) fatal("setsockopt TCP_NODELAY");
  char buf[64];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n != 5 || memcmp(buf, "ping\n", 5)) fatal("read ping");
  int len = snprintf(buf, sizeof buf, "pong %s\n", mode);
  if (write(fd, buf, len) != len) fatal("write pong");
  close(fd);
  step_end(mode, 1, -1, "handler=%d", (int)getpid());
  return step_exit();
}

static int client(struct sockaddr_in *addr) {
  for (int i = 0; i < 4; ++i) {
    step_begin();
    int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
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
  int listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
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
  return step_exit();
}
