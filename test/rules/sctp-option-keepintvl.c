// RUN: %check_sctpify %s %t
// SCTP probes with heartbeats every spp_hbinterval plus one RTO.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int secs = 10;
  socklen_t len = sizeof secs;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPINTVL is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); SCTP probes with heartbeats every spp_hbinterval plus one RTO [sctp-option-keepintvl]
  // CHECK-MESSAGES: note: set spp_hbinterval (milliseconds) with SPP_HB_ENABLE through SCTP_PEER_ADDR_PARAMS; an unanswered heartbeat is retransmitted after one RTO (SCTP_RTOINFO), not after the interval
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, sizeof secs);
  getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPINTVL is a TCP-level option{{.*}} [sctp-option-keepintvl]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_DONTROUTE has the same
// number (5) as TCP_KEEPINTVL.
int negative_other_level(int fd) {
  int secs = 10;
  return setsockopt(fd, SOL_SOCKET, SO_DONTROUTE, &secs, sizeof secs);
}
