// RUN: %check_sctpify %s %t
// SCTP counts unanswered heartbeats as retransmissions (SCTP_ASSOCINFO).
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int probes = 5;
  socklen_t len = sizeof probes;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPCNT is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); SCTP counts unanswered heartbeats as retransmissions: a path fails after spp_pathmaxrxt (default 5), the association after sasoc_asocmaxrxt (default 10) [sctp-option-keepcnt]
  // CHECK-MESSAGES: note: set sasoc_asocmaxrxt through SCTP_ASSOCINFO (association-wide) and, for multi-homed peers, spp_pathmaxrxt through SCTP_PEER_ADDR_PARAMS
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes);
  getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPCNT is a TCP-level option{{.*}} [sctp-option-keepcnt]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_BROADCAST has the same
// number (6) as TCP_KEEPCNT.
int negative_other_level(int fd) {
  int probes = 5;
  return setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &probes, sizeof probes);
}
