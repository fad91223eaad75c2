// RUN: %check_sctpify %s %t
// TCP_WINDOW_CLAMP only tunes TCP (SCTP has no window clamp; SO_RCVBUF
// bounds the receive window), and on an SCTP socket setting it fails
// (ENOPROTOOPT/EOPNOTSUPP). The call becomes sctpify_setsockopt(), which
// makes it as written and, where an SCTP socket refuses it, succeeds with no
// effect. Reading the option back is sctp-option-hint-read's.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helper counts TCP_WINDOW_CLAMP among the options an SCTP socket takes
// with no effect.
// CHECK-FIXES: static inline int sctpify_tcp_option_is_hint(int optname) {
// CHECK-FIXES: case TCP_WINDOW_CLAMP:
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   if (sctpify_tcp_option_is_hint(optname)) {
// CHECK-FIXES-NEXT:     if (optname != TCP_CONGESTION && optlen < (socklen_t)sizeof(int))
// CHECK-FIXES-NEXT:       return errno = EINVAL, -1;
// CHECK-FIXES-NEXT:     return 0;

// Set on a socket sctpify converts: through the helper. The read is
// reported by sctp-option-hint-read and left as written.
int on_converted_socket(void) {
  int clamp = 65536;
  socklen_t len = sizeof clamp;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_WINDOW_CLAMP is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). It only tunes TCP's performance, so the port sets it with no effect on SCTP and the call succeeds [sctp-option-window-clamp]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
  getsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  // CHECK-MESSAGES: note: drop the read
  // CHECK-FIXES: {{^}}  getsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, &len);
  return fd;
}

// Does not match at level IPPROTO_IP, even though IP_MTU_DISCOVER has the same
// number (10) as TCP_WINDOW_CLAMP.
int negative_other_level(int fd) {
  int clamp = 65536;
  return setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &clamp, sizeof clamp);
}
