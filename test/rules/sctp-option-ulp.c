// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// No upper-layer protocol (kTLS) attaches to SCTP.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  char ulp[16] = "tls";
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_ULP, ulp, sizeof ulp);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_ULP attaches an upper-layer protocol (kernel TLS, ...) to a TCP socket{{.*}} [sctp-option-ulp]
  r |= setsockopt(fd, SOL_TCP, TCP_ULP, ulp, sizeof ulp);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_ULP attaches an upper-layer protocol (kernel TLS, ...) to a TCP socket{{.*}} [sctp-option-ulp]
  r |= setsockopt(fd, 6, TCP_ULP, ulp, sizeof ulp);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_ULP attaches an upper-layer protocol (kernel TLS, ...) to a TCP socket{{.*}} [sctp-option-ulp]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  char ulp[16] = "tls";
  socklen_t len = sizeof ulp;
  return getsockopt(fd, IPPROTO_TCP, TCP_ULP, ulp, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_ULP attaches an upper-layer protocol (kernel TLS, ...) to a TCP socket{{.*}} [sctp-option-ulp]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  char ulp[16] = "tls";
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_ULP, ulp, sizeof ulp);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_ULP attaches an upper-layer protocol (kernel TLS, ...) to a TCP socket{{.*}} [sctp-option-ulp]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_ULP, ulp, sizeof ulp);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_ACCEPTCONN has the same number
// as TCP_ULP.
int negative_socket_level(int fd) {
  char ulp[16] = "tls";
  return setsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, ulp, sizeof ulp);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  char ulp[16] = "tls";
  return setsockopt(fd, level, TCP_ULP, ulp, sizeof ulp);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  char ulp[16] = "tls";
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_ULP, ulp, sizeof ulp);
}
