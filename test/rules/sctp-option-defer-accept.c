// RUN: %check_sctpify %s %t
// SCTP has no deferred accept: accept() returns once the handshake
// completes, with or without data.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int secs = 5;
  socklen_t len = sizeof secs;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_DEFER_ACCEPT is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and SCTP has no deferred accept: accept() returns once the four-way handshake completes, with or without data [sctp-option-defer-accept]
  // CHECK-MESSAGES: note: drop the option and treat the accepted socket as possibly idle (non-blocking read or a read timeout, SO_RCVTIMEO)
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, sizeof secs);
  getsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_DEFER_ACCEPT is a TCP-level option{{.*}} [sctp-option-defer-accept]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, &len);
  return fd;
}

// Does not match at level IPPROTO_IP, even though IP_PKTOPTIONS has the same
// number (9) as TCP_DEFER_ACCEPT.
int negative_other_level(int fd) {
  int secs = 5;
  return setsockopt(fd, IPPROTO_IP, IP_PKTOPTIONS, &secs, sizeof secs);
}
