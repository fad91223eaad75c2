// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP counts retransmissions instead of a user timeout.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  unsigned timeout_ms = 10000;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout_ms, sizeof timeout_ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_USER_TIMEOUT is a TCP-level option{{.*}} [sctp-option-user-timeout]
  r |= setsockopt(fd, SOL_TCP, TCP_USER_TIMEOUT, &timeout_ms, sizeof timeout_ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_USER_TIMEOUT is a TCP-level option{{.*}} [sctp-option-user-timeout]
  r |= setsockopt(fd, 6, TCP_USER_TIMEOUT, &timeout_ms, sizeof timeout_ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_USER_TIMEOUT is a TCP-level option{{.*}} [sctp-option-user-timeout]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  unsigned timeout_ms = 10000;
  socklen_t len = sizeof timeout_ms;
  return getsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout_ms, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_USER_TIMEOUT is a TCP-level option{{.*}} [sctp-option-user-timeout]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  unsigned timeout_ms = 10000;
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout_ms, sizeof timeout_ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_USER_TIMEOUT is a TCP-level option{{.*}} [sctp-option-user-timeout]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout_ms, sizeof timeout_ms);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_RCVLOWAT has the same number
// as TCP_USER_TIMEOUT.
int negative_socket_level(int fd) {
  unsigned timeout_ms = 10000;
  return setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, &timeout_ms, sizeof timeout_ms);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  unsigned timeout_ms = 10000;
  return setsockopt(fd, level, TCP_USER_TIMEOUT, &timeout_ms, sizeof timeout_ms);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  unsigned timeout_ms = 10000;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout_ms, sizeof timeout_ms);
}
