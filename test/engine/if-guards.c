// RUN: %check_sctpify %s %t
// A port that replaces a name an enclosing `#ifdef` or `#if defined()`
// tests ports the test too: `#ifdef TCP_NODELAY` around a call that now
// sets SCTP_NODELAY would test a name the code no longer uses. Only the
// branch that holds the call counts, each test is edited once, and a port
// that keeps the name (a run-time helper) leaves its test alone.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

int open_fast(void) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
#ifdef TCP_NODELAY
  // CHECK-FIXES: #ifdef SCTP_NODELAY
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}}; the #if test of TCP_NODELAY at line [[@LINE-3]] now tests SCTP_NODELAY [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one)
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
#endif
#if defined(SO_KEEPALIVE) && defined(TCP_NODELAY)
  // CHECK-FIXES: #if defined(SO_KEEPALIVE) && defined(SCTP_NODELAY)
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY{{.*}}; the #if test of TCP_NODELAY at line [[@LINE-3]] now tests SCTP_NODELAY [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
#else
  one = 0;
#endif
#ifndef TCP_NODELAY
  // CHECK-FIXES: #ifndef TCP_NODELAY
  one = 0;
#else
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
#endif
  return fd;
}

// The helper keeps TCP_NODELAY: the test stays.
int set_fast(int fd) {
  int one = 1;
#ifdef TCP_NODELAY
  // CHECK-FIXES: #ifdef TCP_NODELAY
  return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_NODELAY{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
#else
  return 0;
#endif
}
