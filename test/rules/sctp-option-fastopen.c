// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP has no fast open.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  int qlen = 16;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP Fast Open option (TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_FASTOPEN_KEY, TCP_FASTOPEN_NO_COOKIE){{.*}} [sctp-option-fastopen]
  r |= setsockopt(fd, SOL_TCP, TCP_FASTOPEN_CONNECT, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP Fast Open option (TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_FASTOPEN_KEY, TCP_FASTOPEN_NO_COOKIE){{.*}} [sctp-option-fastopen]
  r |= setsockopt(fd, 6, TCP_FASTOPEN_KEY, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP Fast Open option (TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_FASTOPEN_KEY, TCP_FASTOPEN_NO_COOKIE){{.*}} [sctp-option-fastopen]
  r |= setsockopt(fd, TCP_LEVEL, TCP_FASTOPEN_NO_COOKIE, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP Fast Open option (TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_FASTOPEN_KEY, TCP_FASTOPEN_NO_COOKIE){{.*}} [sctp-option-fastopen]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  int qlen = 16;
  socklen_t len = sizeof qlen;
  return getsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_NO_COOKIE, &qlen, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP Fast Open option (TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_FASTOPEN_KEY, TCP_FASTOPEN_NO_COOKIE){{.*}} [sctp-option-fastopen]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  int qlen = 16;
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP Fast Open option (TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_FASTOPEN_KEY, TCP_FASTOPEN_NO_COOKIE){{.*}} [sctp-option-fastopen]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_SECURITY_ENCRYPTION_TRANSPORT has the same number
// as TCP_FASTOPEN.
int negative_socket_level(int fd) {
  int qlen = 16;
  return setsockopt(fd, SOL_SOCKET, SO_SECURITY_ENCRYPTION_TRANSPORT, &qlen, sizeof qlen);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  int qlen = 16;
  return setsockopt(fd, level, TCP_FASTOPEN, &qlen, sizeof qlen);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  int qlen = 16;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen);
}
