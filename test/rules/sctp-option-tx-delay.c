// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP has no transmit-delay option.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  int usec = 1000;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_TX_DELAY, &usec, sizeof usec);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_TX_DELAY is a TCP-level option (test delay on sent packets){{.*}} [sctp-option-tx-delay]
  r |= setsockopt(fd, SOL_TCP, TCP_TX_DELAY, &usec, sizeof usec);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_TX_DELAY is a TCP-level option (test delay on sent packets){{.*}} [sctp-option-tx-delay]
  r |= setsockopt(fd, 6, TCP_TX_DELAY, &usec, sizeof usec);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_TX_DELAY is a TCP-level option (test delay on sent packets){{.*}} [sctp-option-tx-delay]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  int usec = 1000;
  socklen_t len = sizeof usec;
  return getsockopt(fd, IPPROTO_TCP, TCP_TX_DELAY, &usec, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_TX_DELAY is a TCP-level option (test delay on sent packets){{.*}} [sctp-option-tx-delay]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  int usec = 1000;
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_TX_DELAY, &usec, sizeof usec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_TX_DELAY is a TCP-level option (test delay on sent packets){{.*}} [sctp-option-tx-delay]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_TX_DELAY, &usec, sizeof usec);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_TIMESTAMPING_OLD has the same number
// as TCP_TX_DELAY.
int negative_socket_level(int fd) {
  int usec = 1000;
  return setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING_OLD, &usec, sizeof usec);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  int usec = 1000;
  return setsockopt(fd, level, TCP_TX_DELAY, &usec, sizeof usec);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  int usec = 1000;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_TX_DELAY, &usec, sizeof usec);
}
