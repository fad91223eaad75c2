// RUN: %check_sctpify %s %t
// TCP_KEEPCNT fails on an SCTP socket (ENOPROTOOPT/EOPNOTSUPP); SCTP counts
// unanswered heartbeats as retransmissions. Setting and reading the option
// become sctpify_setsockopt()/sctpify_getsockopt(), which make the call as
// written and, where an SCTP socket refuses it, set the path and association
// retransmission limits (spp_pathmaxrxt, sasoc_asocmaxrxt), with TCP's range
// check, and read the count back.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helpers: a count in TCP's range sets both limits, and reads back from
// spp_pathmaxrxt.
// CHECK-FIXES: static inline int sctpify_set_max_retrans(int fd, unsigned count) {
// CHECK-FIXES:   p.spp_pathmaxrxt = (unsigned short)count;
// CHECK-FIXES:   a.sasoc_asocmaxrxt = (unsigned short)(count > 1 ? count - 1 : 1);
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   case TCP_KEEPCNT:
// CHECK-FIXES-NEXT:     if (v < 1 || v > 127) return errno = EINVAL, -1;
// CHECK-FIXES-NEXT:     return sctpify_set_max_retrans(fd, (unsigned)v);
// CHECK-FIXES: static inline int sctpify_getsockopt(int fd, int level, int optname, void *optval,
// CHECK-FIXES:     v = optname == TCP_KEEPIDLE ? (int)((2 * p.spp_hbinterval + 500) / 1000) : p.spp_pathmaxrxt;

// Set and read on a socket sctpify converts: both through the helpers.
int on_converted_socket(void) {
  int probes = 5;
  socklen_t len = sizeof probes;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPCNT is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). The port sets SCTP's retransmission limits (spp_pathmaxrxt, sasoc_asocmaxrxt), in TCP's units, and reads it back the same way [sctp-option-keepcnt]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes);
  getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPCNT is a TCP-level option{{.*}} [sctp-option-keepcnt]
  // CHECK-MESSAGES: note: SCTP form: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, &len)
  // CHECK-FIXES: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_BROADCAST has the same
// number (6) as TCP_KEEPCNT.
int negative_other_level(int fd) {
  int probes = 5;
  return setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &probes, sizeof probes);
}
