// RUN: %check_sctpify %s %t
// Choosing a congestion-control algorithm only tunes TCP (Linux SCTP has one
// built-in congestion control), and on an SCTP socket setting TCP_CONGESTION
// fails (ENOPROTOOPT/EOPNOTSUPP). The call becomes sctpify_setsockopt(),
// which makes it as written and, where an SCTP socket refuses it, succeeds
// with no effect, whatever the name's length. Reading the algorithm or its
// state (TCP_CC_INFO) back is sctp-option-hint-read's.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helper counts TCP_CONGESTION among the options an SCTP socket takes
// with no effect, and takes its name of any length.
// CHECK-FIXES: static inline int sctpify_tcp_option_is_hint(int optname) {
// CHECK-FIXES: case TCP_CONGESTION:
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   if (sctpify_tcp_option_is_hint(optname)) {
// CHECK-FIXES-NEXT:     if (optname != TCP_CONGESTION && optlen < (socklen_t)sizeof(int))
// CHECK-FIXES-NEXT:       return errno = EINVAL, -1;
// CHECK-FIXES-NEXT:     return 0;

// Set on a socket sctpify converts: through the helper. Both reads are
// reported by sctp-option-hint-read and left as written.
int on_converted_socket(void) {
  char name[16] = "bbr";
  socklen_t len = sizeof name;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, sizeof name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_CONGESTION chooses TCP's congestion-control algorithm; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). It only tunes TCP's performance, so the port sets it with no effect on SCTP and the call succeeds [sctp-option-congestion]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, sizeof name)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, sizeof name);
  getsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  // CHECK-MESSAGES: note: drop the read
  // CHECK-FIXES: {{^}}  getsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, &len);
  getsockopt(fd, IPPROTO_TCP, TCP_CC_INFO, name, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  // CHECK-MESSAGES: note: drop the read
  // CHECK-FIXES: {{^}}  getsockopt(fd, IPPROTO_TCP, TCP_CC_INFO, name, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_LINGER and
// SO_ATTACH_FILTER have the numbers of TCP_CONGESTION (13) and TCP_CC_INFO
// (26).
int negative_other_level(int fd) {
  char name[16] = "bbr";
  return setsockopt(fd, SOL_SOCKET, SO_LINGER, name, sizeof name) |
         setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, name, sizeof name);
}
