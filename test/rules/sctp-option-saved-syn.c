// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP keeps no copy of the peer's INIT.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  int one = 1;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_SAVE_SYN, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP saved-SYN option (TCP_SAVE_SYN/TCP_SAVED_SYN){{.*}} [sctp-option-saved-syn]
  r |= setsockopt(fd, SOL_TCP, TCP_SAVED_SYN, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP saved-SYN option (TCP_SAVE_SYN/TCP_SAVED_SYN){{.*}} [sctp-option-saved-syn]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  int one = 1;
  socklen_t len = sizeof one;
  return getsockopt(fd, IPPROTO_TCP, TCP_SAVED_SYN, &one, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP saved-SYN option (TCP_SAVE_SYN/TCP_SAVED_SYN){{.*}} [sctp-option-saved-syn]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  int one = 1;
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_SAVE_SYN, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP saved-SYN option (TCP_SAVE_SYN/TCP_SAVED_SYN){{.*}} [sctp-option-saved-syn]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_SAVE_SYN, &one, sizeof one);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_ATTACH_FILTER has the same number
// as TCP_SAVE_SYN.
int negative_socket_level(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &one, sizeof one);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  int one = 1;
  return setsockopt(fd, level, TCP_SAVE_SYN, &one, sizeof one);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  int one = 1;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_SAVE_SYN, &one, sizeof one);
}
