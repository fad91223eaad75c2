// RUN: %check_sctpify %s %t
// TCP_SYNCNT fails on an SCTP socket (ENOPROTOOPT/EOPNOTSUPP); SCTP retransmits
// INIT, not SYN. Setting and reading the option become
// sctpify_setsockopt()/sctpify_getsockopt(), which make the call as written
// and, where an SCTP socket refuses it, set SCTP_INITMSG sinit_max_attempts,
// with TCP's range check, and read it back.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helpers: a count in TCP's range becomes sinit_max_attempts, and reads
// back from it.
// CHECK-FIXES: static inline int sctpify_set_init_max_attempts(int fd, unsigned attempts) {
// CHECK-FIXES:   init.sinit_max_attempts = (unsigned short)attempts;
// CHECK-FIXES-NEXT:   return setsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &init, sizeof init);
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES:   case TCP_SYNCNT:
// CHECK-FIXES-NEXT:     if (v < 1 || v > 127) return errno = EINVAL, -1;
// CHECK-FIXES-NEXT:     return sctpify_set_init_max_attempts(fd, (unsigned)v);
// CHECK-FIXES: static inline int sctpify_getsockopt(int fd, int level, int optname, void *optval,
// CHECK-FIXES:   case TCP_SYNCNT: {
// CHECK-FIXES:     r = getsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &init, &len);
// CHECK-FIXES-NEXT:     v = init.sinit_max_attempts;

// Set and read on a socket sctpify converts: both through the helpers.
int on_converted_socket(void) {
  int tries = 3;
  socklen_t len = sizeof tries;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, sizeof tries);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_SYNCNT is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP). The port sets SCTP_INITMSG sinit_max_attempts, in TCP's units, and reads it back the same way [sctp-option-syncnt]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, sizeof tries)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, sizeof tries);
  getsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_SYNCNT is a TCP-level option{{.*}} [sctp-option-syncnt]
  // CHECK-MESSAGES: note: SCTP form: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, &len)
  // CHECK-FIXES: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &tries, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_SNDBUF has the same
// number (7) as TCP_SYNCNT.
int negative_other_level(int fd) {
  int tries = 3;
  return setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &tries, sizeof tries);
}
