// RUN: %check_sctpify %s %t
// Linux SCTP has one built-in congestion control: neither choosing an
// algorithm (TCP_CONGESTION) nor reading its state (TCP_CC_INFO) has an SCTP
// counterpart. Both names belong to this rule.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read, both names, on a socket sctpify converts: reported, never
// changed.
int on_converted_socket(void) {
  char name[16] = "bbr";
  socklen_t len = sizeof name;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, sizeof name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP congestion-control option (TCP_CONGESTION/TCP_CC_INFO); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and Linux SCTP has one built-in congestion control with no algorithm to choose [sctp-option-congestion]
  // CHECK-MESSAGES: note: drop the option; the per-path congestion window is readable as spinfo_cwnd through SCTP_GET_PEER_ADDR_INFO or SCTP_STATUS (sstat_primary)
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, sizeof name);
  getsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP congestion-control option{{.*}} [sctp-option-congestion]
  getsockopt(fd, IPPROTO_TCP, TCP_CC_INFO, name, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP congestion-control option{{.*}} [sctp-option-congestion]
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_LINGER and
// SO_ATTACH_FILTER have the numbers of TCP_CONGESTION (13) and TCP_CC_INFO
// (26).
int negative_other_level(int fd) {
  char name[16] = "bbr";
  return setsockopt(fd, SOL_SOCKET, SO_LINGER, name, sizeof name) |
         setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, name, sizeof name);
}
