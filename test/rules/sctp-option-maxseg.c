// RUN: %check_sctpify %s %t
// TCP_MAXSEG has an SCTP form: SCTP_MAXSEG at level IPPROTO_SCTP takes the
// same int (the DATA-chunk fragmentation point). The call is rewritten.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// CHECK-FIXES: #include <netinet/tcp.h>
// CHECK-FIXES-NEXT: #include <netinet/sctp.h>
// The helper for a socket that may or may not be SCTP (below) knows this
// option: where an SCTP socket refuses TCP_MAXSEG it sets SCTP_MAXSEG.
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   int r = setsockopt(fd, level, optname, optval, optlen);
// CHECK-FIXES:   case TCP_MAXSEG:
// CHECK-FIXES-NEXT:     return setsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &v, sizeof v);

// Set and read on a socket sctpify converts: both calls change.
int on_converted_socket(void) {
  int mss = 1400;
  socklen_t len = sizeof mss;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_MAXSEG is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) [sctp-option-maxseg]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &mss, sizeof mss)
  // CHECK-FIXES: setsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &mss, sizeof mss);
  getsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
  // CHECK-MESSAGES: note: SCTP form: getsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &mss, &len)
  // CHECK-FIXES: getsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &mss, &len);
  return fd;
}

// Where the socket may or may not be SCTP, the helper decides.
int on_socket_of_run_time_family(int family) {
  int mss = 1400;
  int fd = socket(family, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(family, SOCK_STREAM, 0)
  // CHECK-FIXES: int fd = sctpify_socket(family, SOCK_STREAM, 0);
  setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_MAXSEG is a TCP-level option{{.*}} only known at run time{{.*}} [sctp-option-maxseg]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_REUSEADDR has the same
// number (2) as TCP_MAXSEG.
int negative_other_level(int fd) {
  int on = 1;
  return setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
}
