// RUN: %check_sctpify %s %t
// Linux SCTP has no repair mode: an association cannot be checkpointed and
// restored. Every TCP repair option belongs to this rule: TCP_REPAIR,
// TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW and
// TCP_TIMESTAMP (which needs repair mode to be set).
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read, every name, on a socket sctpify converts: reported, never
// changed.
int on_converted_socket(void) {
  int on = TCP_REPAIR_ON;
  socklen_t len = sizeof on;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_REPAIR, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP connection-repair option (TCP_REPAIR, TCP_REPAIR_QUEUE, TCP_QUEUE_SEQ, TCP_REPAIR_OPTIONS, TCP_REPAIR_WINDOW, TCP_TIMESTAMP); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and Linux SCTP has no repair mode to checkpoint or restore an association [sctp-option-repair]
  // CHECK-MESSAGES: note: none: an SCTP association cannot be frozen and recreated; reconnect after a restore instead
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_REPAIR, &on, sizeof on);
  setsockopt(fd, IPPROTO_TCP, TCP_REPAIR_QUEUE, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP connection-repair option{{.*}} [sctp-option-repair]
  setsockopt(fd, IPPROTO_TCP, TCP_QUEUE_SEQ, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP connection-repair option{{.*}} [sctp-option-repair]
  setsockopt(fd, IPPROTO_TCP, TCP_REPAIR_OPTIONS, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP connection-repair option{{.*}} [sctp-option-repair]
  setsockopt(fd, IPPROTO_TCP, TCP_REPAIR_WINDOW, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP connection-repair option{{.*}} [sctp-option-repair]
  setsockopt(fd, IPPROTO_TCP, TCP_TIMESTAMP, &on, sizeof on);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP connection-repair option{{.*}} [sctp-option-repair]
  getsockopt(fd, IPPROTO_TCP, TCP_TIMESTAMP, &on, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP connection-repair option{{.*}} [sctp-option-repair]
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_SNDLOWAT has the same
// number (19) as TCP_REPAIR.
int negative_other_level(int fd) {
  int on = TCP_REPAIR_ON;
  return setsockopt(fd, SOL_SOCKET, SO_SNDLOWAT, &on, sizeof on);
}
