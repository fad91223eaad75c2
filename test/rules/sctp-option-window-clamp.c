// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP has no window clamp; SO_RCVBUF bounds the receive window.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  int clamp = 65536;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_WINDOW_CLAMP is a TCP-level option{{.*}} [sctp-option-window-clamp]
  r |= setsockopt(fd, SOL_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_WINDOW_CLAMP is a TCP-level option{{.*}} [sctp-option-window-clamp]
  r |= setsockopt(fd, 6, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_WINDOW_CLAMP is a TCP-level option{{.*}} [sctp-option-window-clamp]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  int clamp = 65536;
  socklen_t len = sizeof clamp;
  return getsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_WINDOW_CLAMP is a TCP-level option{{.*}} [sctp-option-window-clamp]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  int clamp = 65536;
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_WINDOW_CLAMP is a TCP-level option{{.*}} [sctp-option-window-clamp]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
  return fd;
}

// Does not match at level IPPROTO_IP, even though IP_MTU_DISCOVER has the same number
// as TCP_WINDOW_CLAMP.
int negative_ip_level(int fd) {
  int clamp = 65536;
  return setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &clamp, sizeof clamp);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  int clamp = 65536;
  return setsockopt(fd, level, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  int clamp = 65536;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
}
