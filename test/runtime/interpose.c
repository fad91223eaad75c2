/*
 * libsctpify-trace.so: an LD_PRELOAD library that records how a program uses
 * the socket API, without touching the network or needing kernel SCTP.
 *
 *   cc -shared -fPIC -o libsctpify-trace.so interpose.c -ldl
 *   SCTPIFY_TRACE=out.trace LD_PRELOAD=./libsctpify-trace.so ./prog
 *
 * socket() never reaches the kernel: it returns a descriptor opened on
 * /dev/null, so socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP) "works" on a
 * kernel without SCTP. setsockopt() succeeds, getsockopt() zero-fills its
 * output and succeeds, except that an option at level IPPROTO_TCP on a
 * socket created with IPPROTO_SCTP fails with ENOPROTOOPT and is not
 * traced, as Linux's SCTP does (sctp_setsockopt/sctp_getsockopt hand any
 * level other than SOL_SCTP to the address family, which refuses TCP's);
 * connect(), bind() and listen() succeed doing nothing.
 * close() of a descriptor this library handed out does nothing either, so a
 * descriptor number is never reused within one trace.
 *
 * Each call that takes effect appends one line to the file named by $SCTPIFY_TRACE:
 *
 *   socket <domain> <type> <protocol> -> <fd>
 *   setsockopt <level> <optname> on <fd>
 *   getsockopt <level> <optname> on <fd>
 *
 * All values are decimal; <type> is the whole argument, SOCK_NONBLOCK and
 * SOCK_CLOEXEC bits included (e.g. 524289 = SOCK_STREAM|SOCK_CLOEXEC).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_FAKE 4096
static unsigned char fake_fd[MAX_FAKE];

static int is_fake(int fd) { return fd >= 0 && fd < MAX_FAKE && fake_fd[fd]; }

static void trace(const char *fmt, ...) {
  const char *path = getenv("SCTPIFY_TRACE");
  if (!path || !*path)
    return;
  char line[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line - 1, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  if ((size_t)n > sizeof line - 2)
    n = (int)sizeof line - 2;
  line[n++] = '\n';
  int saved = errno;
  int out = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (out >= 0) {
    ssize_t off = 0;
    while (off < n) {
      ssize_t w = write(out, line + off, (size_t)(n - off));
      if (w <= 0)
        break;
      off += w;
    }
    syscall(SYS_close, out);
  }
  errno = saved;
}

/* The protocol each fake socket was created with, for SO_PROTOCOL. */
static int fake_protocol[MAX_FAKE];

/* Whether the kernel refuses the option: a TCP-level one on an SCTP socket. */
static int refused(int fd, int level) {
  return level == IPPROTO_TCP && is_fake(fd) && fake_protocol[fd] == IPPROTO_SCTP;
}

int socket(int domain, int type, int protocol) {
  int fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return -1;
  if (fd < MAX_FAKE) {
    fake_fd[fd] = 1;
    /* The kernel reports the protocol it chose: TCP for a stream socket
     * over IP with protocol 0. */
    fake_protocol[fd] = protocol ? protocol
                        : (domain == AF_INET || domain == AF_INET6) &&
                                  (type & 0xf) == SOCK_STREAM
                            ? IPPROTO_TCP
                            : 0;
  }
  trace("socket %d %d %d -> %d", domain, type, protocol, fd);
  return fd;
}

int setsockopt(int fd, int level, int optname, const void *optval,
               socklen_t optlen) {
  (void)optval;
  (void)optlen;
  if (refused(fd, level))
    return errno = ENOPROTOOPT, -1;
  trace("setsockopt %d %d on %d", level, optname, fd);
  return 0;
}

int getsockopt(int fd, int level, int optname, void *optval,
               socklen_t *optlen) {
  /* Asking a socket its protocol (what sctpify_is_sctp() does) answers like
   * the kernel and is not traced: it is how a converted program picks an
   * option's level, not an option of its own. */
  if (level == SOL_SOCKET && optname == SO_PROTOCOL && fd >= 0 &&
      fd < MAX_FAKE && fake_fd[fd] && optval && optlen &&
      *optlen >= sizeof(int)) {
    memcpy(optval, &fake_protocol[fd], sizeof(int));
    *optlen = sizeof(int);
    return 0;
  }
  if (refused(fd, level))
    return errno = ENOPROTOOPT, -1;
  trace("getsockopt %d %d on %d", level, optname, fd);
  if (optval && optlen)
    memset(optval, 0, *optlen);
  return 0;
}

int connect(int fd, const struct sockaddr *addr, socklen_t len) {
  (void)fd;
  (void)addr;
  (void)len;
  return 0;
}

int bind(int fd, const struct sockaddr *addr, socklen_t len) {
  (void)fd;
  (void)addr;
  (void)len;
  return 0;
}

int listen(int fd, int backlog) {
  (void)fd;
  (void)backlog;
  return 0;
}

int close(int fd) {
  if (is_fake(fd))
    return 0;
  return (int)syscall(SYS_close, fd);
}
