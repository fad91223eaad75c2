// RUN: %check_sctpify %s %t
// MSG_WAITALL asks recv() for every byte; SCTP ignores the flag and returns
// one message, so the read comes back short. recv() with MSG_WAITALL (and no
// MSG_PEEK) becomes sctpify_recv(), which makes the call as written and,
// after a short read on an SCTP socket, reads on until every byte, EOF, an
// error or a signal, as TCP does. MSG_PEEK | MSG_WAITALL is
// sctp-stream-peek-waitall's.
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
// The helper: only a short MSG_WAITALL read, without MSG_PEEK, on an SCTP
// socket reads on.
// CHECK-FIXES: static inline ssize_t sctpify_recv(int fd, void *buf, size_t len, int flags) {
// CHECK-FIXES-NEXT:   ssize_t r = recv(fd, buf, len, flags);
// CHECK-FIXES-NEXT:   if (r <= 0 || (size_t)r >= len || !(flags & MSG_WAITALL) || (flags & MSG_PEEK) ||
// CHECK-FIXES-NEXT:       !sctpify_is_sctp(fd))
// CHECK-FIXES-NEXT:     return r;
// CHECK-FIXES:   while (got < len) {
// CHECK-FIXES-NEXT:     r = recv(fd, (char *)buf + got, len - got, flags);

// On a socket sctpify converts; the other flags stay.
long on_converted_socket(void) {
  unsigned char header[16];
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  return recv(fd, header, sizeof header, MSG_WAITALL | MSG_NOSIGNAL);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: MSG_WAITALL asks for every byte; SCTP ignores the flag and returns one message, so the read comes back short [sctp-stream-recv-waitall]
  // CHECK-MESSAGES: note: SCTP form: sctpify_recv(fd, header, sizeof header, MSG_WAITALL | MSG_NOSIGNAL)
  // CHECK-FIXES: return sctpify_recv(fd, header, sizeof header, MSG_WAITALL | MSG_NOSIGNAL);
}

// A descriptor passed in may hold any socket: the helper decides on the
// socket it gets.
long on_parameter(int fd, char *buf, unsigned long len) {
  return recv(fd, buf, len, MSG_WAITALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: MSG_WAITALL asks for every byte{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-stream-recv-waitall]
  // CHECK-MESSAGES: note: SCTP form: sctpify_recv(fd, buf, len, MSG_WAITALL)
  // CHECK-FIXES: return sctpify_recv(fd, buf, len, MSG_WAITALL);
}

// Does not match reads without MSG_WAITALL, which SCTP answers as TCP does
// with one message or part of it.
long negative_other_flags(int fd, char *buf) {
  return recv(fd, buf, 16, 0) + recv(fd, buf, 16, MSG_DONTWAIT | MSG_TRUNC);
}

// Does not match MSG_WAITALL together with MSG_PEEK: a peek cannot be
// completed by reading on (sctp-stream-peek-waitall reports it).
long negative_peek(int fd, char *buf) {
  return recv(fd, buf, 16, MSG_PEEK | MSG_WAITALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_PEEK with MSG_WAITALL{{.*}} [sctp-stream-peek-waitall]
  // CHECK-FIXES: {{^}}  return recv(fd, buf, 16, MSG_PEEK | MSG_WAITALL);
}

// Does not match a Unix-domain socket, which sctpify never converts.
long negative_unix_domain(char *buf) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  return recv(sv[0], buf, 16, MSG_WAITALL);
}
