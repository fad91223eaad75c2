// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// SCTP accepts SO_OOBINLINE but has no urgent data to place inline.
int inline_urgent(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: SO_OOBINLINE places TCP urgent data in the normal stream; SCTP accepts the option{{.*}} [sctp-oob-inline]
}

int inline_numeric(int fd) {
  int one = 1;
  return setsockopt(fd, 1, 10, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: SO_OOBINLINE{{.*}} [sctp-oob-inline]
}

// Does not report getsockopt, which only reads the flag, or a Unix-domain
// socket, where nothing changes.
int negative(int fd) {
  int v = 0;
  socklen_t len = sizeof v;
  getsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &v, &len);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(local, SOL_SOCKET, SO_OOBINLINE, &v, sizeof v);
}
