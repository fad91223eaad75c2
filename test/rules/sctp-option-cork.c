// RUN: %check_sctpify %s %t
// SCTP has no cork: every send() is its own message; the finding points at
// MSG_MORE.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int on = 1;
  socklen_t len = sizeof on;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_CORK is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and SCTP has no cork: every send() is its own message [sctp-option-cork]
  // CHECK-MESSAGES: note: pass MSG_MORE on each send() but the last to let SCTP bundle the messages into fewer packets, or keep SCTP_NODELAY off (the default) so small messages are bundled; to send one unit, build it in one buffer and send it once
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
  getsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_CORK is a TCP-level option{{.*}} [sctp-option-cork]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_TYPE has the same
// number (3) as TCP_CORK.
int negative_other_level(int fd) {
  int on = 1;
  return setsockopt(fd, SOL_SOCKET, SO_TYPE, &on, sizeof on);
}
