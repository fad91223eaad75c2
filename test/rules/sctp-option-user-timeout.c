// RUN: %check_sctpify %s %t
// SCTP aborts after a number of retransmissions, not after a time.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int timeout_ms = 5000;
  socklen_t len = sizeof timeout_ms;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout_ms, sizeof timeout_ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_USER_TIMEOUT is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); SCTP aborts an association after sasoc_asocmaxrxt consecutive retransmissions, not after a time [sctp-option-user-timeout]
  // CHECK-MESSAGES: note: bound the time as a count: cap the RTO with srto_max (SCTP_RTOINFO, ms) and set sasoc_asocmaxrxt (SCTP_ASSOCINFO); the association fails after roughly the sum of that many RTOs
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout_ms, sizeof timeout_ms);
  getsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout_ms, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_USER_TIMEOUT is a TCP-level option{{.*}} [sctp-option-user-timeout]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout_ms, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_RCVLOWAT has the same
// number (18) as TCP_USER_TIMEOUT.
int negative_other_level(int fd) {
  int timeout_ms = 5000;
  return setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, &timeout_ms, sizeof timeout_ms);
}
