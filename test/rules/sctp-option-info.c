// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// TCP_INFO fails on SCTP; SCTP_STATUS and friends report the association.
// The struct itself is reported by sctp-tcp-info-struct.
unsigned rtt(int fd) {
  struct tcp_info ti;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: struct tcp_info describes{{.*}} [sctp-tcp-info-struct]
  socklen_t len = sizeof ti;
  if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) < 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: TCP_INFO is a TCP-level option; on an SCTP socket getsockopt fails{{.*}} [sctp-option-info]
    return 0;
  return ti.tcpi_rtt;
}

int raw_buffer(int fd, char *buf, socklen_t *len) {
  return getsockopt(fd, SOL_TCP, 11, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_INFO is a TCP-level option{{.*}} [sctp-option-info]
}

int converted_socket(char *buf, socklen_t *len) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  getsockopt(fd, 6, TCP_INFO, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_INFO is a TCP-level option{{.*}} [sctp-option-info]
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_NO_CHECK has the same
// number (11), nor a run-time level, nor a Unix-domain socket.
int negative(int fd, int level, char *buf, socklen_t *len) {
  int r = getsockopt(fd, SOL_SOCKET, SO_NO_CHECK, buf, len);
  r |= getsockopt(fd, level, TCP_INFO, buf, len);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  return r | getsockopt(local, IPPROTO_TCP, TCP_INFO, buf, len);
}
