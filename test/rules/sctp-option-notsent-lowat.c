// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP has no unsent-bytes low-water mark.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  int lowat = 16384;
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_NOTSENT_LOWAT is a TCP-level option{{.*}} [sctp-option-notsent-lowat]
  r |= setsockopt(fd, SOL_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_NOTSENT_LOWAT is a TCP-level option{{.*}} [sctp-option-notsent-lowat]
  r |= setsockopt(fd, 6, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_NOTSENT_LOWAT is a TCP-level option{{.*}} [sctp-option-notsent-lowat]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  int lowat = 16384;
  socklen_t len = sizeof lowat;
  return getsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_NOTSENT_LOWAT is a TCP-level option{{.*}} [sctp-option-notsent-lowat]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  int lowat = 16384;
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_NOTSENT_LOWAT is a TCP-level option{{.*}} [sctp-option-notsent-lowat]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_BINDTODEVICE has the same number
// as TCP_NOTSENT_LOWAT.
int negative_socket_level(int fd) {
  int lowat = 16384;
  return setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, &lowat, sizeof lowat);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  int lowat = 16384;
  return setsockopt(fd, level, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  int lowat = 16384;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
}
