// RUN: %check_sctpify %s %t
// SCTP's liveness check is its heartbeat; the idle time maps to
// spp_hbinterval.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int secs = 60;
  socklen_t len = sizeof secs;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPIDLE is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); SCTP's liveness check is its heartbeat, on by default every 30 s plus one RTO on an idle path [sctp-option-keepidle]
  // CHECK-MESSAGES: note: set spp_hbinterval (milliseconds) with SPP_HB_ENABLE through SCTP_PEER_ADDR_PARAMS; SCTP has one heartbeat interval, not separate idle and probe times
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, sizeof secs);
  getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPIDLE is a TCP-level option{{.*}} [sctp-option-keepidle]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_ERROR has the same
// number (4) as TCP_KEEPIDLE.
int negative_other_level(int fd) {
  int secs = 60;
  return setsockopt(fd, SOL_SOCKET, SO_ERROR, &secs, sizeof secs);
}
