// RUN: %check_sctpify %s %t
// TCP Fast Open only tunes TCP (SCTP data rides at the earliest on
// COOKIE-ECHO), and on an SCTP socket setting it fails
// (ENOPROTOOPT/EOPNOTSUPP). Every TCP Fast Open option belongs to this rule:
// TCP_FASTOPEN (server), TCP_FASTOPEN_CONNECT (client), TCP_FASTOPEN_KEY,
// TCP_FASTOPEN_NO_COOKIE. The call becomes sctpify_setsockopt(), which makes
// it as written and, where an SCTP socket refuses it, succeeds with no
// effect. Reading the options back is sctp-option-hint-read's.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helper counts every one of them among the options an SCTP socket takes
// with no effect.
// CHECK-FIXES: static inline int sctpify_tcp_option_is_hint(int optname) {
// CHECK-FIXES: case TCP_FASTOPEN: case TCP_FASTOPEN_CONNECT:
// CHECK-FIXES-NEXT: case TCP_FASTOPEN_NO_COOKIE: case TCP_FASTOPEN_KEY:
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   if (sctpify_tcp_option_is_hint(optname)) {
// CHECK-FIXES-NEXT:     if (optname != TCP_CONGESTION && optlen < (socklen_t)sizeof(int))
// CHECK-FIXES-NEXT:       return errno = EINVAL, -1;
// CHECK-FIXES-NEXT:     return 0;

// Set, every name, on a socket sctpify converts: through the helper. The
// read is reported by sctp-option-hint-read and left as written.
int on_converted_socket(void) {
  int qlen = 16;
  socklen_t len = sizeof qlen;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP Fast Open option (TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_FASTOPEN_KEY, TCP_FASTOPEN_NO_COOKIE); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). It only tunes TCP's performance, so the port sets it with no effect on SCTP and the call succeeds [sctp-option-fastopen]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen);
  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_CONNECT, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP Fast Open option{{.*}} [sctp-option-fastopen]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_CONNECT, &qlen, sizeof qlen)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_CONNECT, &qlen, sizeof qlen);
  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_KEY, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP Fast Open option{{.*}} [sctp-option-fastopen]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_KEY, &qlen, sizeof qlen)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_KEY, &qlen, sizeof qlen);
  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_NO_COOKIE, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP Fast Open option{{.*}} [sctp-option-fastopen]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_NO_COOKIE, &qlen, sizeof qlen)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_NO_COOKIE, &qlen, sizeof qlen);
  getsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  // CHECK-MESSAGES: note: drop the read
  // CHECK-FIXES: {{^}}  getsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_ACCEPTCONN has the same
// number (30) as TCP_FASTOPEN_CONNECT.
int negative_other_level(int fd) {
  int qlen = 16;
  socklen_t len = sizeof qlen;
  return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &qlen, &len);
}
