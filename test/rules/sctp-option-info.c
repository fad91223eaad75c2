// RUN: %check_sctpify %s %t
// TCP_INFO fails on SCTP and leaves its struct unfilled; SCTP_STATUS and
// friends report the association. The struct itself is reported by
// sctp-tcp-info-struct, the call by this rule.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Read (as programs do) and set, on a socket sctpify converts: reported,
// never changed.
unsigned rtt_on_converted_socket(void) {
  struct tcp_info ti;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: struct tcp_info describes{{.*}} [sctp-tcp-info-struct]
  socklen_t len = sizeof ti;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: error: TCP_INFO is a TCP-level option; on an SCTP socket getsockopt fails (EOPNOTSUPP on IPv4, ENOPROTOOPT on IPv6) and struct tcp_info stays unfilled [sctp-option-info]
    // CHECK-MESSAGES: note: read struct sctp_status with SCTP_STATUS (state, peer rwnd, unacked/pending chunks, primary path srtt/rto/cwnd/mtu in sstat_primary), struct sctp_assoc_stats with SCTP_GET_ASSOC_STATS (retransmissions, max observed RTO, chunk counters), and struct sctp_paddrinfo with SCTP_GET_PEER_ADDR_INFO per path
    // CHECK-FIXES: if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) < 0)
    return 0;
  setsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, sizeof ti);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_INFO is a TCP-level option{{.*}} [sctp-option-info]
  return ti.tcpi_rtt;
}

// Read into a plain buffer: the call is reported without the struct.
int raw_buffer(int fd, char *buf, socklen_t *len) {
  return getsockopt(fd, IPPROTO_TCP, TCP_INFO, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_INFO is a TCP-level option{{.*}} [sctp-option-info]
}

// Does not match at level SOL_SOCKET, even though SO_NO_CHECK has the same
// number (11) as TCP_INFO.
int negative_other_level(int fd, char *buf, socklen_t *len) {
  return getsockopt(fd, SOL_SOCKET, SO_NO_CHECK, buf, len);
}
