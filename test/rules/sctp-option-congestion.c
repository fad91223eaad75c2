// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP's congestion control is built in.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  char name[16] = "cubic";
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, sizeof name);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP congestion-control option (TCP_CONGESTION/TCP_CC_INFO){{.*}} [sctp-option-congestion]
  r |= setsockopt(fd, SOL_TCP, TCP_CC_INFO, name, sizeof name);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP congestion-control option (TCP_CONGESTION/TCP_CC_INFO){{.*}} [sctp-option-congestion]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  char name[16] = "cubic";
  socklen_t len = sizeof name;
  return getsockopt(fd, IPPROTO_TCP, TCP_CC_INFO, name, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP congestion-control option (TCP_CONGESTION/TCP_CC_INFO){{.*}} [sctp-option-congestion]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  char name[16] = "cubic";
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, sizeof name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP congestion-control option (TCP_CONGESTION/TCP_CC_INFO){{.*}} [sctp-option-congestion]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, sizeof name);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_LINGER has the same number
// as TCP_CONGESTION.
int negative_socket_level(int fd) {
  char name[16] = "cubic";
  return setsockopt(fd, SOL_SOCKET, SO_LINGER, name, sizeof name);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  char name[16] = "cubic";
  return setsockopt(fd, level, TCP_CONGESTION, name, sizeof name);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  char name[16] = "cubic";
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, sizeof name);
}
