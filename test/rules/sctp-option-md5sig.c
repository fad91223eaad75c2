// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// SCTP-AUTH replaces TCP MD5 signatures.
#define TCP_LEVEL SOL_TCP
static const int kTcpLevel = IPPROTO_TCP;

int set_on_parameter(int fd) {
  struct tcp_md5sig md5 = { .tcpm_keylen = 4 };
  int r = 0;
  r |= setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, &md5, sizeof md5);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP MD5 signature option (RFC 2385){{.*}} [sctp-option-md5sig]
  r |= setsockopt(fd, SOL_TCP, TCP_MD5SIG_EXT, &md5, sizeof md5);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP MD5 signature option (RFC 2385){{.*}} [sctp-option-md5sig]
  return r;
}

// getsockopt at the TCP level fails the same way.
int get_on_parameter(int fd) {
  struct tcp_md5sig md5 = { .tcpm_keylen = 4 };
  socklen_t len = sizeof md5;
  return getsockopt(fd, IPPROTO_TCP, TCP_MD5SIG_EXT, &md5, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP MD5 signature option (RFC 2385){{.*}} [sctp-option-md5sig]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  struct tcp_md5sig md5 = { .tcpm_keylen = 4 };
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, &md5, sizeof md5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP MD5 signature option (RFC 2385){{.*}} [sctp-option-md5sig]
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, &md5, sizeof md5);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_BSDCOMPAT has the same number
// as TCP_MD5SIG.
int negative_socket_level(int fd) {
  struct tcp_md5sig md5 = { .tcpm_keylen = 4 };
  return setsockopt(fd, SOL_SOCKET, SO_BSDCOMPAT, &md5, sizeof md5);
}

// Does not report a level known only at run time: a flag about something
// that may not happen would be noise.
int negative_runtime_level(int fd, int level) {
  struct tcp_md5sig md5 = { .tcpm_keylen = 4 };
  return setsockopt(fd, level, TCP_MD5SIG, &md5, sizeof md5);
}

// Does not report a Unix-domain socket: it was never TCP.
int negative_unix_socket(void) {
  struct tcp_md5sig md5 = { .tcpm_keylen = 4 };
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, &md5, sizeof md5);
}
