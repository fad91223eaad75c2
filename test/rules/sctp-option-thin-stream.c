// RUN: %check_sctpify %s %t
// SCTP has no thin-stream mode: TCP_THIN_LINEAR_TIMEOUTS and TCP_THIN_DUPACK
// both belong to this rule.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read, both names, on a socket sctpify converts: reported, never
// changed.
int on_converted_socket(void) {
  int one = 1;
  socklen_t len = sizeof one;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_THIN_LINEAR_TIMEOUTS, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP thin-stream option (TCP_THIN_LINEAR_TIMEOUTS/TCP_THIN_DUPACK); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and SCTP has no thin-stream mode [sctp-option-thin-stream]
  // CHECK-MESSAGES: note: drop the option; to keep retransmission delays short cap the RTO with srto_max (and srto_min) through SCTP_RTOINFO
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_THIN_LINEAR_TIMEOUTS, &one, sizeof one);
  setsockopt(fd, IPPROTO_TCP, TCP_THIN_DUPACK, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP thin-stream option{{.*}} [sctp-option-thin-stream]
  getsockopt(fd, IPPROTO_TCP, TCP_THIN_DUPACK, &one, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP thin-stream option{{.*}} [sctp-option-thin-stream]
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_PASSCRED and
// SO_PEERCRED have the numbers of TCP_THIN_LINEAR_TIMEOUTS (16) and
// TCP_THIN_DUPACK (17).
int negative_other_level(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof one) |
         setsockopt(fd, SOL_SOCKET, SO_PEERCRED, &one, sizeof one);
}
