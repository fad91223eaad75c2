// RUN: %check_sctpify %s %t --rules=%inputs/yields-mixed.yaml -- -I%inputs
// `yields-descriptor: mixed` (what --fallback=tcp's socket rule says): the
// rule rewrites the call, yet whether the descriptor it yields is converted
// is only known at run time, so a rule with `descriptor:` on it takes its
// at-run-time form, as on a descriptor from several sources; `true` makes
// it converted, and the rule's plain form applies. check_sctpify's second
// run finds the helper's call mixed too, and ports nothing more.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include "yields-mixed.h"

int converted(void) {
  int one = 1;
  int fd = open_stream("h");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: open_stream: converted [sctp-test-converted]
  // CHECK-MESSAGES: note: SCTP form: sctpify_open_sctp("h")
  // CHECK-FIXES: int fd = sctpify_open_sctp("h");
  return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: return setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
}

int mixed(void) {
  int one = 1;
  int fd = open_stream_or_sctp("h");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: open_stream_or_sctp: mixed [sctp-test-mixed]
  // CHECK-MESSAGES: note: SCTP form: sctpify_open_either("h")
  // CHECK-FIXES: int fd = sctpify_open_either("h");
  return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_NODELAY is a TCP-level option{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: return sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}
