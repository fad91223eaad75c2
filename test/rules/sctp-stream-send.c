// RUN: %check_sctpify %s %t
// SCTP sends each send() as one message: one longer than the send buffer
// fails with EMSGSIZE and an empty one with EINVAL, where TCP takes part or
// all of it. send(), sendto() and sendmsg() belong to this rule, whatever
// their flags; they become sctpify_send()/sctpify_sendto()/sctpify_sendmsg(),
// which make the call as written and only split a send SCTP refuses (or
// return 0 for an empty one), with the same flags on every piece. These
// calls take only sockets, so a descriptor whose origin is not seen (a
// parameter) gets the helper too, decided at run time; one traced to a
// socket sctpify never converts is left alone.
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
// The helpers: the call as written first, then the shared EMSGSIZE/EINVAL
// handling (sctp-stream-write's test shows it).
// CHECK-FIXES: static inline ssize_t sctpify_send(int fd, const void *buf, size_t len, int flags) {
// CHECK-FIXES-NEXT:   ssize_t r = send(fd, buf, len, flags);
// CHECK-FIXES-NEXT:   if (r >= 0 || (errno != EMSGSIZE && errno != EINVAL)) return r;
// CHECK-FIXES:   return sctpify_after_send(fd, r, &m, flags, len);
// CHECK-FIXES: static inline ssize_t sctpify_sendmsg(int fd, const struct msghdr *msg, int flags) {
// CHECK-FIXES-NEXT:   ssize_t r = sendmsg(fd, msg, flags);
// CHECK-FIXES-NEXT:   if (r >= 0 || (errno != EMSGSIZE && errno != EINVAL)) return r;
// CHECK-FIXES-NEXT:   return sctpify_after_send(fd, r, msg, flags, sctpify_iov_total(msg->msg_iov, msg->msg_iovlen));
// (Helpers come in the order of their first use.)
// CHECK-FIXES: static inline ssize_t sctpify_sendto(int fd, const void *buf, size_t len, int flags,
// CHECK-FIXES-NEXT:                                      const struct sockaddr *addr, socklen_t addrlen) {
// CHECK-FIXES-NEXT:   ssize_t r = sendto(fd, buf, len, flags, addr, addrlen);
// CHECK-FIXES: return sctpify_after_send(fd, r, &m, flags, len);

static char body[1 << 20];

// send() and sendmsg() on a socket sctpify converts; the flags stay.
long on_converted_socket(const struct msghdr *msg) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  send(fd, body, sizeof body, MSG_NOSIGNAL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: send to a stream socket that becomes SCTP: SCTP sends each send as one message, so one longer than the send buffer (212,992 bytes by default) fails with EMSGSIZE and an empty one with EINVAL, where TCP takes part or all of it [sctp-stream-send]
  // CHECK-MESSAGES: note: SCTP form: sctpify_send(fd, body, sizeof body, MSG_NOSIGNAL)
  // CHECK-FIXES: {{^}}  sctpify_send(fd, body, sizeof body, MSG_NOSIGNAL);
  return sendmsg(fd, msg, MSG_DONTWAIT | MSG_MORE);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: send to a stream socket{{.*}} [sctp-stream-send]
  // CHECK-MESSAGES: note: SCTP form: sctpify_sendmsg(fd, msg, MSG_DONTWAIT | MSG_MORE)
  // CHECK-FIXES: return sctpify_sendmsg(fd, msg, MSG_DONTWAIT | MSG_MORE);
}

// A socket whose family is only known at run time may or may not become
// SCTP: the helper decides on the socket it gets.
long on_socket_of_run_time_family(int family) {
  int fd = socket(family, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(family, SOCK_STREAM, 0)
  // CHECK-FIXES: int fd = sctpify_socket(family, SOCK_STREAM, 0);
  return send(fd, body, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: send to a stream socket{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-stream-send]
  // CHECK-MESSAGES: note: SCTP form: sctpify_send(fd, body, 0, 0)
  // CHECK-FIXES: return sctpify_send(fd, body, 0, 0);
}

// With MSG_OOB or MSG_ZEROCOPY too: sctp-oob-send and sctp-zerocopy-send
// say what SCTP does with those flags, and the helper keeps them.
long oob_or_zerocopy(const struct sockaddr_in *to) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  send(fd, body, 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
  // CHECK-MESSAGES: note:
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: send to a stream socket{{.*}} [sctp-stream-send]
  // CHECK-MESSAGES: note: SCTP form: sctpify_send(fd, body, 1, MSG_OOB)
  // CHECK-FIXES: {{^}}  sctpify_send(fd, body, 1, MSG_OOB);
  sendto(fd, body, sizeof body, MSG_NOSIGNAL, (const struct sockaddr *)to, sizeof *to);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: send to a stream socket{{.*}} [sctp-stream-send]
  // CHECK-MESSAGES: note: SCTP form: sctpify_sendto(fd, body, sizeof body, MSG_NOSIGNAL, (const struct sockaddr *)to, sizeof *to)
  // CHECK-FIXES: {{^}}  sctpify_sendto(fd, body, sizeof body, MSG_NOSIGNAL, (const struct sockaddr *)to, sizeof *to);
  return send(fd, body, 1, MSG_ZEROCOPY | MSG_NOSIGNAL);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: send to a stream socket{{.*}} [sctp-stream-send]
  // CHECK-MESSAGES: note: SCTP form: sctpify_send(fd, body, 1, MSG_ZEROCOPY | MSG_NOSIGNAL)
  // CHECK-MESSAGES: :[[@LINE-3]]:10: error: MSG_ZEROCOPY needs SO_ZEROCOPY{{.*}} [sctp-zerocopy-send]
  // CHECK-MESSAGES: note:
  // CHECK-FIXES: {{^}}  return sctpify_send(fd, body, 1, MSG_ZEROCOPY | MSG_NOSIGNAL);
}

// A descriptor whose origin the analysis cannot see (a parameter of a
// function others call, fd 0 after inetd) is a socket of some kind: the
// helper, which acts only after SCTP's EMSGSIZE or EINVAL on an SCTP stream
// socket, is right for every kind.
long on_parameter(int fd, const struct msghdr *msg) {
  return send(fd, body, 1, 0) + sendmsg(0, msg, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: send to a stream socket{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-stream-send]
  // CHECK-MESSAGES: note: SCTP form: sctpify_send(fd, body, 1, 0)
  // CHECK-MESSAGES: :[[@LINE-3]]:33: warning: send to a stream socket{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-stream-send]
  // CHECK-MESSAGES: note: SCTP form: sctpify_sendmsg(0, msg, 0)
  // CHECK-FIXES: return sctpify_send(fd, body, 1, 0) + sctpify_sendmsg(0, msg, 0);
}

// Does not match sockets sctpify never converts: a Unix-domain pair or
// socket.
long negative_unix_domain(const struct msghdr *msg) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  return send(sv[0], body, 1, 0) + sendmsg(local, msg, 0);
}
