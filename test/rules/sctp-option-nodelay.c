// RUN: %check_sctpify %s %t
// TCP_NODELAY has a drop-in SCTP form: SCTP_NODELAY at level IPPROTO_SCTP
// takes the same int flag. The call is rewritten; the header that declares
// SCTP_NODELAY is added after the includes.
// Level spellings, descriptor origins and the run-time helpers in general
// are the engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// CHECK-FIXES: #include <netinet/tcp.h>
// CHECK-FIXES-NEXT: #include <netinet/sctp.h>
// The helper for a socket that may or may not be SCTP (below) knows this
// option: where an SCTP socket refuses TCP_NODELAY it sets SCTP_NODELAY.
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   int r = setsockopt(fd, level, optname, optval, optlen);
// CHECK-FIXES:   case TCP_NODELAY:
// CHECK-FIXES-NEXT:     return setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &v, sizeof v);

// Set and read on a socket sctpify converts: both calls change.
int on_converted_socket(void) {
  int one = 1;
  socklen_t len = sizeof one;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: getsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, &len)
  // CHECK-FIXES: getsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, &len);
  return fd;
}

// The value, its size and whatever surrounds the call stay as written. The
// descriptor is a parameter, which may hold any socket, so the helper
// decides at run time.
int set_in_expression(int fd, const int *flag) {
  return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, (const char *)flag, (socklen_t)sizeof *flag) == 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_NODELAY is a TCP-level option{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, (const char *)flag, (socklen_t)sizeof *flag)
  // CHECK-FIXES: return sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, (const char *)flag, (socklen_t)sizeof *flag) == 0;
}

// Where the socket may or may not be SCTP, the helper makes the call as
// written and sets SCTP_NODELAY where an SCTP socket refuses it.
int on_socket_of_run_time_family(int family) {
  int one = 1;
  int fd = socket(family, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(family, SOCK_STREAM, 0)
  // CHECK-FIXES: int fd = sctpify_socket(family, SOCK_STREAM, 0);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); whether it applies is only known at run time, so the port decides there [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_DEBUG has the same
// number (1) as TCP_NODELAY, nor at level IPPROTO_IP, where 1 is IP_TOS.
int negative_other_levels(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_DEBUG, &one, sizeof one) |
         setsockopt(fd, IPPROTO_IP, IP_TOS, &one, sizeof one);
}

// Does not match another TCP option: TCP_CORK is sctp-option-cork's.
int negative_other_option(int fd) {
  int one = 1;
  return setsockopt(fd, IPPROTO_TCP, TCP_CORK, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_CORK is a TCP-level option{{.*}} [sctp-option-cork]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_CORK, &one, sizeof one)
  // CHECK-FIXES: return sctpify_setsockopt(fd, IPPROTO_TCP, TCP_CORK, &one, sizeof one);
}
