// RUN: %check_sctpify %s %t
// SCTP sends no TCP_CM_INQ; SIOCINQ gives the next message's length.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int one = 1;
  socklen_t len = sizeof one;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_INQ, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_INQ is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) and no TCP_CM_INQ control message arrives [sctp-option-inq]
  // CHECK-MESSAGES: note: ask ioctl(fd, SIOCINQ, &n) when needed: on SCTP it returns the length of the next queued message, not all queued bytes
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_INQ, &one, sizeof one);
  getsockopt(fd, IPPROTO_TCP, TCP_INQ, &one, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_INQ is a TCP-level option{{.*}} [sctp-option-inq]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_INQ, &one, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_MARK has the same
// number (36) as TCP_INQ.
int negative_other_level(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_MARK, &one, sizeof one);
}
