// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Linux SCTP has no repair mode.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  int on = TCP_REPAIR_ON;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_REPAIR, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP connection-repair option (TCP_REPAIR, TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW, TCP_TIMESTAMP){{.*}} [sctp-option-repair]
  r |= setsockopt(fd, SOL_TCP, TCP_REPAIR_QUEUE, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP connection-repair option (TCP_REPAIR, TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW, TCP_TIMESTAMP){{.*}} [sctp-option-repair]
  r |= setsockopt(fd, 6, TCP_QUEUE_SEQ, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP connection-repair option (TCP_REPAIR, TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW, TCP_TIMESTAMP){{.*}} [sctp-option-repair]
  r |= setsockopt(fd, TCP_LEVEL, TCP_REPAIR_OPTIONS, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP connection-repair option (TCP_REPAIR, TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW, TCP_TIMESTAMP){{.*}} [sctp-option-repair]
  r |= setsockopt(fd, kTcpLevel, TCP_REPAIR_WINDOW, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP connection-repair option (TCP_REPAIR, TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW, TCP_TIMESTAMP){{.*}} [sctp-option-repair]
  r |= setsockopt(fd, IPPROTO_TCP, TCP_TIMESTAMP, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP connection-repair option (TCP_REPAIR, TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW, TCP_TIMESTAMP){{.*}} [sctp-option-repair]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  int on = TCP_REPAIR_ON;
  socklen_t len = sizeof on;
  return getsockopt(fd, IPPROTO_TCP, TCP_TIMESTAMP, &on, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP connection-repair option (TCP_REPAIR, TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW, TCP_TIMESTAMP){{.*}} [sctp-option-repair]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  int on = TCP_REPAIR_ON;
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_REPAIR, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP connection-repair option (TCP_REPAIR, TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW, TCP_TIMESTAMP){{.*}} [sctp-option-repair]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_REPAIR, &on, sizeof on);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_SNDLOWAT has the same number
// as TCP_REPAIR.
int negative_socket_level(int fd) {
  int on = TCP_REPAIR_ON;
  return setsockopt(fd, SOL_SOCKET, SO_SNDLOWAT, &on, sizeof on);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  int on = TCP_REPAIR_ON;
  return setsockopt(fd, level, TCP_REPAIR, &on, sizeof on);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  int on = TCP_REPAIR_ON;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_REPAIR, &on, sizeof on);
}
