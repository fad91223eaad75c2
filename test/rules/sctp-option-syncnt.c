// RUN: %check_sctpify %s %t
// SCTP retransmits INIT, not SYN: SCTP_INITMSG sinit_max_attempts.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int tries = 3;
  socklen_t len = sizeof tries;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, sizeof tries);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_SYNCNT is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); SCTP retransmits INIT instead of SYN [sctp-option-syncnt]
  // CHECK-MESSAGES: note: set sinit_max_attempts (and optionally sinit_max_init_timeo, ms) through SCTP_INITMSG before connect(); zero fields keep their defaults
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, sizeof tries);
  getsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_SYNCNT is a TCP-level option{{.*}} [sctp-option-syncnt]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_SNDBUF has the same
// number (7) as TCP_SYNCNT.
int negative_other_level(int fd) {
  int tries = 3;
  return setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &tries, sizeof tries);
}
