// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP has no deferred accept.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  int secs = 5;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_DEFER_ACCEPT is a TCP-level option{{.*}} [sctp-option-defer-accept]
  r |= setsockopt(fd, SOL_TCP, TCP_DEFER_ACCEPT, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_DEFER_ACCEPT is a TCP-level option{{.*}} [sctp-option-defer-accept]
  r |= setsockopt(fd, 6, TCP_DEFER_ACCEPT, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_DEFER_ACCEPT is a TCP-level option{{.*}} [sctp-option-defer-accept]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  int secs = 5;
  socklen_t len = sizeof secs;
  return getsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_DEFER_ACCEPT is a TCP-level option{{.*}} [sctp-option-defer-accept]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  int secs = 5;
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_DEFER_ACCEPT is a TCP-level option{{.*}} [sctp-option-defer-accept]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, sizeof secs);
  return fd;
}

// Does not match at level IPPROTO_IP, even though IP_PKTOPTIONS has the same number
// as TCP_DEFER_ACCEPT.
int negative_ip_level(int fd) {
  int secs = 5;
  return setsockopt(fd, IPPROTO_IP, IP_PKTOPTIONS, &secs, sizeof secs);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  int secs = 5;
  return setsockopt(fd, level, TCP_DEFER_ACCEPT, &secs, sizeof secs);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  int secs = 5;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, sizeof secs);
}
