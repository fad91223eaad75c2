// RUN: %check_sctpify %s %t
// MSG_WAITALL asks recv() for every byte; SCTP ignores the flag and returns
// one message, so the read comes back short. recv(), recvfrom() and
// recvmsg() with MSG_WAITALL (and no MSG_PEEK) become sctpify_recv(),
// sctpify_recvfrom() and sctpify_recvmsg(), which make the call as written
// and, after a short read on an SCTP socket, read on until every byte, EOF,
// an error or a signal, as TCP does. MSG_PEEK | MSG_WAITALL is
// sctp-stream-peek-waitall's.
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
// The helpers: only a short MSG_WAITALL read, without MSG_PEEK, on an SCTP
// socket reads on, in sctpify_recv_rest() (recv() and recvfrom()).
// CHECK-FIXES: static inline ssize_t sctpify_recv_rest(int fd, void *buf, size_t got, size_t len, int flags) {
// CHECK-FIXES:   while (got < len) {
// CHECK-FIXES-NEXT:     ssize_t r = recv(fd, (char *)buf + got, len - got, flags);
// CHECK-FIXES: static inline ssize_t sctpify_recv(int fd, void *buf, size_t len, int flags) {
// CHECK-FIXES-NEXT:   ssize_t r = recv(fd, buf, len, flags);
// CHECK-FIXES-NEXT:   if (r <= 0 || (size_t)r >= len || !(flags & MSG_WAITALL) || (flags & MSG_PEEK) ||
// CHECK-FIXES-NEXT:       !sctpify_is_sctp(fd))
// CHECK-FIXES-NEXT:     return r;
// CHECK-FIXES: return sctpify_recv_rest(fd, buf, (size_t)r, len, flags);
// recvfrom(): the address is the first message's.
// CHECK-FIXES: static inline ssize_t sctpify_recvfrom(int fd, void *buf, size_t len, int flags,
// CHECK-FIXES-NEXT:                                        struct sockaddr *addr, socklen_t *addrlen) {
// CHECK-FIXES-NEXT:   ssize_t r = recvfrom(fd, buf, len, flags, addr, addrlen);
// CHECK-FIXES: return sctpify_recv_rest(fd, buf, (size_t)r, len, flags);
// recvmsg(): the rest of the buffers, without address or control data.
// CHECK-FIXES: static inline ssize_t sctpify_recvmsg(int fd, struct msghdr *msg, int flags) {
// CHECK-FIXES-NEXT:   ssize_t r = recvmsg(fd, msg, flags);
// CHECK-FIXES:     r = recvmsg(fd, &m, flags);

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

// recvfrom() and recvmsg() alike; the address arguments stay as written.
long other_calls(struct sockaddr_in *from, struct msghdr *msg) {
  unsigned char header[16];
  socklen_t fromlen = sizeof *from;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  long n = recvfrom(fd, header, sizeof header, MSG_WAITALL, (struct sockaddr *)from, &fromlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: error: MSG_WAITALL asks for every byte{{.*}} [sctp-stream-recv-waitall]
  // CHECK-MESSAGES: note: SCTP form: sctpify_recvfrom(fd, header, sizeof header, MSG_WAITALL, (struct sockaddr *)from, &fromlen)
  // CHECK-FIXES: long n = sctpify_recvfrom(fd, header, sizeof header, MSG_WAITALL, (struct sockaddr *)from, &fromlen);
  return n + recvmsg(fd, msg, MSG_WAITALL | MSG_CMSG_CLOEXEC);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: error: MSG_WAITALL asks for every byte{{.*}} [sctp-stream-recv-waitall]
  // CHECK-MESSAGES: note: SCTP form: sctpify_recvmsg(fd, msg, MSG_WAITALL | MSG_CMSG_CLOEXEC)
  // CHECK-FIXES: return n + sctpify_recvmsg(fd, msg, MSG_WAITALL | MSG_CMSG_CLOEXEC);
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
long negative_other_flags(int fd, char *buf, struct msghdr *msg) {
  return recv(fd, buf, 16, 0) + recv(fd, buf, 16, MSG_DONTWAIT | MSG_TRUNC) +
         recvfrom(fd, buf, 16, 0, 0, 0) + recvmsg(fd, msg, MSG_DONTWAIT);
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
