// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP_MAXSEG is no drop-in (struct sctp_assoc_value; the int form is deprecated), so it is flagged, not rewritten.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  int mss = 1400;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
  r |= setsockopt(fd, SOL_TCP, TCP_MAXSEG, &mss, sizeof mss);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
  r |= setsockopt(fd, 6, TCP_MAXSEG, &mss, sizeof mss);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  int mss = 1400;
  socklen_t len = sizeof mss;
  return getsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  int mss = 1400;
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_MAXSEG is a TCP-level option{{.*}} [sctp-option-maxseg]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_REUSEADDR has the same number
// as TCP_MAXSEG.
int negative_socket_level(int fd) {
  int mss = 1400;
  return setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &mss, sizeof mss);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  int mss = 1400;
  return setsockopt(fd, level, TCP_MAXSEG, &mss, sizeof mss);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  int mss = 1400;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof mss);
}
