// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// There is no urgent mark on an SCTP socket: sockatmark() returns -1 (ENOTTY).
int drain_to_mark(int fd) {
  char buf[64];
  while (!sockatmark(fd))
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: sockatmark() tests the TCP urgent-data mark; on an SCTP socket it returns -1{{.*}} [sctp-oob-sockatmark]
    if (recv(fd, buf, sizeof buf, 0) <= 0)
      return -1;
  return 0;
}

int converted_socket(void) {
  int fd = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_SCTP);
  return sockatmark(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: sockatmark() tests the TCP urgent-data mark{{.*}} [sctp-oob-sockatmark]
}

// Does not report a Unix-domain socket: it never had an urgent mark to port.
int negative_unix_socket(void) {
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return sockatmark(fd);
}
