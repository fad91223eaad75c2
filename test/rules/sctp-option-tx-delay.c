// RUN: %check_sctpify %s %t
// TCP_TX_DELAY is a test knob with no SCTP counterpart.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int usec = 10000;
  socklen_t len = sizeof usec;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_TX_DELAY, &usec, sizeof usec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_TX_DELAY is a TCP-level option (test delay on sent packets); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) [sctp-option-tx-delay]
  // CHECK-MESSAGES: note: emulate delay outside the socket, e.g. with a netem qdisc (tc qdisc add dev IF root netem delay 10ms)
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_TX_DELAY, &usec, sizeof usec);
  getsockopt(fd, IPPROTO_TCP, TCP_TX_DELAY, &usec, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_TX_DELAY is a TCP-level option (test delay on sent packets){{.*}} [sctp-option-tx-delay]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_TX_DELAY, &usec, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_TIMESTAMPING_OLD has the same
// number (37) as TCP_TX_DELAY.
int negative_other_level(int fd) {
  int usec = 10000;
  return setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING_OLD, &usec, sizeof usec);
}
