// RUN: %check_sctpify %s %t
// SCTP has no FIN-WAIT-2 state to bound.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int secs = 30;
  socklen_t len = sizeof secs;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_LINGER2, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_LINGER2 is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and SCTP has no FIN-WAIT-2: its three-way SHUTDOWN is bounded by the T5-shutdown-guard timer (5 x RTO.max) [sctp-option-linger2]
  // CHECK-MESSAGES: note: drop the option; to bound close() use SO_LINGER at level SOL_SOCKET, which SCTP honours (l_linger 0 sends ABORT)
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_LINGER2, &secs, sizeof secs);
  getsockopt(fd, IPPROTO_TCP, TCP_LINGER2, &secs, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_LINGER2 is a TCP-level option{{.*}} [sctp-option-linger2]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_LINGER2, &secs, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_RCVBUF has the same
// number (8) as TCP_LINGER2.
int negative_other_level(int fd) {
  int secs = 30;
  return setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &secs, sizeof secs);
}
