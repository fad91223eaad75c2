// RUN: %check_sctpify %s %t
// The thin-stream options only tune TCP (SCTP has no thin-stream mode), and
// on an SCTP socket setting them fails (ENOPROTOOPT/EOPNOTSUPP).
// TCP_THIN_LINEAR_TIMEOUTS and TCP_THIN_DUPACK both belong to this rule: the
// call becomes sctpify_setsockopt(), which makes it as written and, where an
// SCTP socket refuses it, succeeds with no effect. Reading them back is
// sctp-option-hint-read's.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helper counts both among the options an SCTP socket takes with no
// effect.
// CHECK-FIXES: static inline int sctpify_tcp_option_is_hint(int optname) {
// CHECK-FIXES: case TCP_THIN_LINEAR_TIMEOUTS: case TCP_THIN_DUPACK:
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   if (sctpify_tcp_option_is_hint(optname)) {
// CHECK-FIXES-NEXT:     if (optname != TCP_CONGESTION && optlen < (socklen_t)sizeof(int))
// CHECK-FIXES-NEXT:       return errno = EINVAL, -1;
// CHECK-FIXES-NEXT:     return 0;

// Set, both names, on a socket sctpify converts: through the helper. The
// read is reported by sctp-option-hint-read and left as written.
int on_converted_socket(void) {
  int one = 1;
  socklen_t len = sizeof one;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_THIN_LINEAR_TIMEOUTS, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP thin-stream option (TCP_THIN_LINEAR_TIMEOUTS/TCP_THIN_DUPACK); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). It only tunes TCP's performance, so the port sets it with no effect on SCTP and the call succeeds [sctp-option-thin-stream]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_THIN_LINEAR_TIMEOUTS, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_THIN_LINEAR_TIMEOUTS, &one, sizeof one);
  setsockopt(fd, IPPROTO_TCP, TCP_THIN_DUPACK, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP thin-stream option{{.*}} [sctp-option-thin-stream]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_THIN_DUPACK, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_THIN_DUPACK, &one, sizeof one);
  getsockopt(fd, IPPROTO_TCP, TCP_THIN_DUPACK, &one, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  // CHECK-MESSAGES: note: drop the read
  // CHECK-FIXES: {{^}}  getsockopt(fd, IPPROTO_TCP, TCP_THIN_DUPACK, &one, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_PASSCRED and
// SO_PEERCRED have the numbers of TCP_THIN_LINEAR_TIMEOUTS (16) and
// TCP_THIN_DUPACK (17).
int negative_other_level(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof one) |
         setsockopt(fd, SOL_SOCKET, SO_PEERCRED, &one, sizeof one);
}
