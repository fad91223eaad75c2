// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// SCTP has no half-closed state: SHUT_WR shuts the whole association down.
long request_then_read(int fd, const char *req, unsigned long len, char *reply) {
  send(fd, req, len, 0);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shutdown(SHUT_WR) half-closes a TCP connection; SCTP has no half-closed state{{.*}} [sctp-half-close]
  return recv(fd, reply, 512, MSG_WAITALL);
}

#define HALF_CLOSE 1
int numeric_spelling(int fd) {
  return shutdown(fd, HALF_CLOSE);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}

int converted_socket(void) {
  int fd = socket(PF_INET, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(PF_INET, SOCK_STREAM, IPPROTO_SCTP);
  return shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}

// Does not report SHUT_RD (no protocol action in SCTP either) or SHUT_RDWR
// (the whole association closes, as the caller asked), a run-time 'how', or
// a Unix-domain socket, whose half-close is unchanged.
int negative(int fd, int how) {
  int n = shutdown(fd, SHUT_RD) + shutdown(fd, SHUT_RDWR) + shutdown(fd, how);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  return n + shutdown(local, SHUT_WR);
}
