// RUN: %check_sctpify %s %t
// TCP_NOTSENT_LOWAT only tunes TCP's performance (SCTP has no unsent-bytes
// low-water mark), and on an SCTP socket setting it fails
// (ENOPROTOOPT/EOPNOTSUPP). The call becomes sctpify_setsockopt(), which
// makes it as written and, where an SCTP socket refuses it, succeeds with no
// effect. Reading the option back is sctp-option-hint-read's.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helper counts TCP_NOTSENT_LOWAT among the options an SCTP socket takes
// with no effect.
// CHECK-FIXES: static inline int sctpify_tcp_option_is_hint(int optname) {
// CHECK-FIXES: case TCP_NOTSENT_LOWAT:
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   if (sctpify_tcp_option_is_hint(optname)) {
// CHECK-FIXES-NEXT:     if (optname != TCP_CONGESTION && optlen < (socklen_t)sizeof(int))
// CHECK-FIXES-NEXT:       return errno = EINVAL, -1;
// CHECK-FIXES-NEXT:     return 0;

// Set on a socket sctpify converts: through the helper. The read is
// reported by sctp-option-hint-read and left as written.
int on_converted_socket(void) {
  int lowat = 16384;
  socklen_t len = sizeof lowat;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NOTSENT_LOWAT is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). It only tunes TCP's performance, so the port sets it with no effect on SCTP and the call succeeds [sctp-option-notsent-lowat]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
  getsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  // CHECK-MESSAGES: note: drop the read
  // CHECK-FIXES: {{^}}  getsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_BINDTODEVICE has the same
// number (25) as TCP_NOTSENT_LOWAT.
int negative_other_level(int fd) {
  int lowat = 16384;
  return setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, &lowat, sizeof lowat);
}
