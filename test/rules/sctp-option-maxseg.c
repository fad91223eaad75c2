// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// CHECK-FIXES: #include <netinet/tcp.h>
// CHECK-FIXES-NEXT: #include <netinet/sctp.h>

// TCP_MAXSEG at level IPPROTO_TCP fails on an SCTP socket; SCTP_MAXSEG takes
// the same int (the fragmentation point), so the call is rewritten.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  int mss = 1400;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &mss, sizeof mss)
  // CHECK-FIXES: r |= setsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &mss, sizeof mss);
  r |= setsockopt(fd, TCP_LEVEL, TCP_MAXSEG, &mss, sizeof mss);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: r |= setsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &mss, sizeof mss);
  r |= setsockopt(fd, kTcpLevel, 2, &mss, sizeof mss);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: r |= setsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &mss, sizeof mss);
  return r;
}

// getsockopt at the TCP level is rewritten the same way.
int get_on_parameter(int fd) {
  int mss = 0;
  socklen_t len = sizeof mss;
  return getsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: return getsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &mss, &len);
}

// Does not match at level SOL_SOCKET, even though SO_REUSEADDR has the same
// number as TCP_MAXSEG.
int negative_socket_level(int fd) {
  int mss = 1400;
  return setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &mss, sizeof mss);
}
// CHECK-FIXES: return setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &mss, sizeof mss);

// Does not touch a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  int mss = 1400;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
}
// CHECK-FIXES: return setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
