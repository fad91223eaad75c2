// RUN: %check_sctpify %s %t
// TCP_KEEPIDLE fails on an SCTP socket (ENOPROTOOPT/EOPNOTSUPP); SCTP's
// liveness check is its heartbeat. Setting and reading the option become
// sctpify_setsockopt()/sctpify_getsockopt(), which make the call as written
// and, where an SCTP socket refuses it, set the heartbeat interval
// (spp_hbinterval) to half the idle time, with TCP's range check, and read it
// back in TCP's seconds.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helpers: seconds in TCP's range become half as many thousand ms of
// heartbeat interval, and read back as twice the interval.
// CHECK-FIXES: static inline int sctpify_set_hbinterval(int fd, unsigned ms) {
// CHECK-FIXES:   p.spp_hbinterval = ms;
// CHECK-FIXES-NEXT:   p.spp_flags = SPP_HB_ENABLE;
// CHECK-FIXES-NEXT:   return setsockopt(fd, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &p, sizeof p);
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   case TCP_KEEPIDLE:
// CHECK-FIXES-NEXT:     if (v < 1 || v > 32767) return errno = EINVAL, -1;
// CHECK-FIXES-NEXT:     return sctpify_set_hbinterval(fd, (unsigned)v * 500u);
// CHECK-FIXES: static inline int sctpify_getsockopt(int fd, int level, int optname, void *optval,
// CHECK-FIXES:     v = optname == TCP_KEEPIDLE ? (int)((2 * p.spp_hbinterval + 500) / 1000) : p.spp_pathmaxrxt;

// Set and read on a socket sctpify converts: both through the helpers.
int on_converted_socket(void) {
  int secs = 60;
  socklen_t len = sizeof secs;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPIDLE is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). The port sets SCTP's heartbeat interval (half the idle time, in ms), in TCP's units, and reads it back the same way [sctp-option-keepidle]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, sizeof secs)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, sizeof secs);
  getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPIDLE is a TCP-level option{{.*}} [sctp-option-keepidle]
  // CHECK-MESSAGES: note: SCTP form: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, &len)
  // CHECK-FIXES: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_ERROR has the same
// number (4) as TCP_KEEPIDLE.
int negative_other_level(int fd) {
  int secs = 60;
  return setsockopt(fd, SOL_SOCKET, SO_ERROR, &secs, sizeof secs);
}
