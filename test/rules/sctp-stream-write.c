// RUN: %check_sctpify %s %t
// SCTP sends each write() as one message: one longer than the send buffer
// fails with EMSGSIZE and an empty one with EINVAL, where TCP takes part or
// all of it. write() and writev() belong to this rule; they become
// sctpify_write()/sctpify_writev(), which make the call as written and only
// split a write SCTP refuses (or return 0 for an empty one). write() also
// takes files and pipes, so only a descriptor the analysis traces to a
// converted socket is ported; one that is never a socket, or whose origin is
// not seen (a parameter), is left alone.
// Descriptor origins are the engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <unistd.h>
// The helpers: the call as written first; only EMSGSIZE, or EINVAL for an
// empty write, on an SCTP stream socket is handled, by sending in pieces.
// CHECK-FIXES: static inline ssize_t sctpify_after_send(int fd, ssize_t r, const struct msghdr *msg,
// CHECK-FIXES:   if (!sctpify_is_sctp_stream(fd))
// CHECK-FIXES-NEXT:     return errno = saved, -1;
// CHECK-FIXES-NEXT:   if (total == 0)
// CHECK-FIXES-NEXT:     return 0; /* TCP accepts an empty write */
// CHECK-FIXES-NEXT:   return sctpify_send_in_pieces(fd, msg, flags);
// CHECK-FIXES: static inline ssize_t sctpify_write(int fd, const void *buf, size_t count) {
// CHECK-FIXES-NEXT:   ssize_t r = write(fd, buf, count);
// CHECK-FIXES-NEXT:   if (r >= 0 || (errno != EMSGSIZE && errno != EINVAL)) return r;
// CHECK-FIXES:   return sctpify_after_send(fd, r, &m, 0, count);
// CHECK-FIXES: static inline ssize_t sctpify_writev(int fd, const struct iovec *iov, int iovcnt) {
// CHECK-FIXES-NEXT:   ssize_t r = writev(fd, iov, iovcnt);
// CHECK-FIXES:   return sctpify_after_send(fd, r, &m, 0, sctpify_iov_total(iov, (size_t)iovcnt));

static char body[1 << 20];

// write() and writev() on a socket sctpify converts.
long on_converted_socket(const struct iovec *iov) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  write(fd, body, sizeof body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to a stream socket that becomes SCTP: SCTP sends each write as one message, so one longer than the send buffer (212,992 bytes by default) fails with EMSGSIZE and an empty one with EINVAL, where TCP takes part or all of it [sctp-stream-write]
  // CHECK-MESSAGES: note: SCTP form: sctpify_write(fd, body, sizeof body)
  // CHECK-FIXES: {{^}}  sctpify_write(fd, body, sizeof body);
  return writev(fd, iov, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: write to a stream socket{{.*}} [sctp-stream-write]
  // CHECK-MESSAGES: note: SCTP form: sctpify_writev(fd, iov, 2)
  // CHECK-FIXES: return sctpify_writev(fd, iov, 2);
}

// A descriptor that holds a converted socket on one path and a file on the
// other: the helper decides on what it holds at run time (on a file it is
// the plain write).
long socket_or_file(int remote) {
  int fd;
  if (remote)
    fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  else
    fd = open("body.out", O_WRONLY | O_CREAT, 0600);
  return write(fd, body, sizeof body);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: write to a stream socket{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-stream-write]
  // CHECK-MESSAGES: note: SCTP form: sctpify_write(fd, body, sizeof body)
  // CHECK-FIXES: return sctpify_write(fd, body, sizeof body);
}

// Does not match descriptors that are never converted sockets: a pipe, a
// file from open(), standard output.
long negative_not_sockets(const struct iovec *iov) {
  int p[2];
  pipe(p);
  int file = open("body.out", O_WRONLY | O_CREAT, 0600);
  return write(p[1], body, 1) + writev(file, iov, 2) + write(1, body, 1);
}

// Does not match a descriptor whose origin the analysis cannot see: a
// parameter may as well be a file or a pipe.
long negative_parameter(int fd, const struct iovec *iov) {
  return write(fd, body, sizeof body) + writev(fd, iov, 2);
}
