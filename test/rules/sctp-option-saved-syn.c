// RUN: %check_sctpify %s %t
// SCTP keeps no copy of the peer's INIT: asking to save the SYN
// (TCP_SAVE_SYN) and reading it back (TCP_SAVED_SYN) both belong to this
// rule.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set one, read the other, on a socket sctpify converts: reported, never
// changed.
int on_converted_socket(void) {
  int one = 1;
  char syn[512];
  socklen_t len = sizeof syn;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_SAVE_SYN, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP saved-SYN option (TCP_SAVE_SYN/TCP_SAVED_SYN); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and SCTP keeps no copy of the peer's INIT headers [sctp-option-saved-syn]
  // CHECK-MESSAGES: note: drop the option; the peer's addresses are available with getpeername() or sctp_getpaddrs(), its stream counts with SCTP_STATUS
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_SAVE_SYN, &one, sizeof one);
  getsockopt(fd, IPPROTO_TCP, TCP_SAVED_SYN, syn, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP saved-SYN option{{.*}} [sctp-option-saved-syn]
  getsockopt(fd, IPPROTO_TCP, TCP_SAVE_SYN, &one, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP saved-SYN option{{.*}} [sctp-option-saved-syn]
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_DETACH_FILTER and
// SO_PEERNAME have the numbers of TCP_SAVE_SYN (27) and TCP_SAVED_SYN (28).
int negative_other_level(int fd) {
  int one = 1;
  char name[128];
  socklen_t len = sizeof name;
  return setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, &one, sizeof one) |
         getsockopt(fd, SOL_SOCKET, SO_PEERNAME, name, &len);
}
