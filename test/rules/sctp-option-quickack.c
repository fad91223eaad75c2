// RUN: %check_sctpify %s %t
// TCP_QUICKACK fails on an SCTP socket (ENOPROTOOPT/EOPNOTSUPP); SCTP's
// delayed SACK is set with SCTP_DELAYED_SACK, and stays set. Setting and
// reading the option become sctpify_setsockopt()/sctpify_getsockopt(), which
// make the call as written and, where an SCTP socket refuses it, turn delayed
// SACK off (sack_freq 1) or back on (2), and read 1 back while it is off.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helpers: on or off becomes sack_freq 1 or 2, and reads back as
// sack_freq == 1.
// CHECK-FIXES: static inline int sctpify_set_sack_freq(int fd, unsigned freq) {
// CHECK-FIXES:   s.sack_freq = freq;
// CHECK-FIXES-NEXT:   return setsockopt(fd, IPPROTO_SCTP, SCTP_DELAYED_SACK, &s, sizeof s);
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   case TCP_QUICKACK:
// CHECK-FIXES-NEXT:     return sctpify_set_sack_freq(fd, v ? 1u : 2u);
// CHECK-FIXES: static inline int sctpify_getsockopt(int fd, int level, int optname, void *optval,
// CHECK-FIXES:   case TCP_QUICKACK: {
// CHECK-FIXES:     r = getsockopt(fd, IPPROTO_SCTP, SCTP_DELAYED_SACK, &s, &len);
// CHECK-FIXES-NEXT:     v = s.sack_freq == 1;

// Set and read on a socket sctpify converts: both through the helpers.
int on_converted_socket(void) {
  int one = 1;
  socklen_t len = sizeof one;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_QUICKACK is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). The port sets SCTP_DELAYED_SACK (sack_freq 1: no delayed SACK; it stays, where TCP's quick-ack mode is temporary), in TCP's units, and reads it back the same way [sctp-option-quickack]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
  getsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_QUICKACK is a TCP-level option{{.*}} [sctp-option-quickack]
  // CHECK-MESSAGES: note: SCTP form: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, &len)
  // CHECK-FIXES: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_PRIORITY has the same
// number (12) as TCP_QUICKACK.
int negative_other_level(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_PRIORITY, &one, sizeof one);
}
