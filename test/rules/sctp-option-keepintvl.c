// RUN: %check_sctpify %s %t
// TCP_KEEPINTVL fails on an SCTP socket (ENOPROTOOPT/EOPNOTSUPP); once a
// heartbeat goes unanswered SCTP probes again every RTO. Setting and reading
// the option become sctpify_setsockopt()/sctpify_getsockopt(), which make the
// call as written and, where an SCTP socket refuses it, cap the RTO
// (SCTP_RTOINFO srto_max) at the interval, with TCP's range check, and read
// it back in TCP's seconds.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helpers: seconds in TCP's range become srto_max in ms, and read back.
// CHECK-FIXES: static inline int sctpify_set_rto_max(int fd, unsigned ms) {
// CHECK-FIXES:   rto.srto_max = ms;
// CHECK-FIXES-NEXT:   int r = setsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &rto, sizeof rto);
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   case TCP_KEEPINTVL:
// CHECK-FIXES-NEXT:     if (v < 1 || v > 32767) return errno = EINVAL, -1;
// CHECK-FIXES-NEXT:     return sctpify_set_rto_max(fd, (unsigned)v * 1000u);
// CHECK-FIXES: static inline int sctpify_getsockopt(int fd, int level, int optname, void *optval,
// CHECK-FIXES:   case TCP_KEEPINTVL: {
// CHECK-FIXES:     r = getsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &rto, &len);
// CHECK-FIXES-NEXT:     v = (int)((rto.srto_max + 500) / 1000);

// Set and read on a socket sctpify converts: both through the helpers.
int on_converted_socket(void) {
  int secs = 10;
  socklen_t len = sizeof secs;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, sizeof secs);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPINTVL is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). The port sets SCTP's largest retransmission timeout (SCTP_RTOINFO srto_max, in ms), which spaces the probes after a missed heartbeat, in TCP's units, and reads it back the same way [sctp-option-keepintvl]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, sizeof secs)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, sizeof secs);
  getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_KEEPINTVL is a TCP-level option{{.*}} [sctp-option-keepintvl]
  // CHECK-MESSAGES: note: SCTP form: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, &len)
  // CHECK-FIXES: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_DONTROUTE has the same
// number (5) as TCP_KEEPINTVL.
int negative_other_level(int fd) {
  int secs = 10;
  return setsockopt(fd, SOL_SOCKET, SO_DONTROUTE, &secs, sizeof secs);
}
