// RUN: %check_sctpify %s %t
// SCTP's delayed SACK is set with SCTP_DELAYED_SACK, and stays set.
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
  setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_QUICKACK is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); SCTP's delayed SACK is set with SCTP_DELAYED_SACK, and the setting stays until changed (TCP_QUICKACK is one-shot) [sctp-option-quickack]
  // CHECK-MESSAGES: note: set struct sctp_sack_info through SCTP_DELAYED_SACK: sack_freq = 1 acknowledges every packet, sack_delay (ms, at most 500) shortens the delay
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
  getsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_QUICKACK is a TCP-level option{{.*}} [sctp-option-quickack]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_PRIORITY has the same
// number (12) as TCP_QUICKACK.
int negative_other_level(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_PRIORITY, &one, sizeof one);
}
