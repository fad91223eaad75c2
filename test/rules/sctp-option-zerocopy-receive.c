// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP sockets cannot be mmap()ed.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  struct tcp_zerocopy_receive zc = { 0 };
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_ZEROCOPY_RECEIVE, &zc, sizeof zc);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_ZEROCOPY_RECEIVE is a TCP-level option{{.*}} [sctp-option-zerocopy-receive]
  r |= setsockopt(fd, SOL_TCP, TCP_ZEROCOPY_RECEIVE, &zc, sizeof zc);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_ZEROCOPY_RECEIVE is a TCP-level option{{.*}} [sctp-option-zerocopy-receive]
  r |= setsockopt(fd, 6, TCP_ZEROCOPY_RECEIVE, &zc, sizeof zc);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_ZEROCOPY_RECEIVE is a TCP-level option{{.*}} [sctp-option-zerocopy-receive]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  struct tcp_zerocopy_receive zc = { 0 };
  socklen_t len = sizeof zc;
  return getsockopt(fd, IPPROTO_TCP, TCP_ZEROCOPY_RECEIVE, &zc, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_ZEROCOPY_RECEIVE is a TCP-level option{{.*}} [sctp-option-zerocopy-receive]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  struct tcp_zerocopy_receive zc = { 0 };
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_ZEROCOPY_RECEIVE, &zc, sizeof zc);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_ZEROCOPY_RECEIVE is a TCP-level option{{.*}} [sctp-option-zerocopy-receive]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_ZEROCOPY_RECEIVE, &zc, sizeof zc);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_PASSSEC has the same number
// as TCP_ZEROCOPY_RECEIVE.
int negative_socket_level(int fd) {
  struct tcp_zerocopy_receive zc = { 0 };
  return setsockopt(fd, SOL_SOCKET, SO_PASSSEC, &zc, sizeof zc);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  struct tcp_zerocopy_receive zc = { 0 };
  return setsockopt(fd, level, TCP_ZEROCOPY_RECEIVE, &zc, sizeof zc);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  struct tcp_zerocopy_receive zc = { 0 };
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_ZEROCOPY_RECEIVE, &zc, sizeof zc);
}
