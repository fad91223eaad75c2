// RUN: %check_sctpify %s %t
// RUN: %sctpify %s -- 2>&1 >/dev/null | FileCheck %s --check-prefix=SUMMARY
// SUMMARY: 1 rewrite, 0 to review, 2 flags, 3 suppressed
// A NOSCTPIFY{BEGIN,END} comment pair silences every finding on the lines
// between, a pair with a list of ids only the listed rules (globs allowed),
// as clang-tidy's NOLINT{BEGIN,END}: an END closes the latest BEGIN with the
// same list, and a marker without its partner silences nothing and is an
// error of its own. (The markers are spelled out only where they count.)
#include <sys/socket.h>
#include <netinet/in.h>

// NOSCTPIFYBEGIN
int whole_block(void) {
  int a = socket(AF_INET, SOCK_STREAM, 0);
  int b = socket(AF_INET6, SOCK_STREAM, 0);
  return a + b;
}
// NOSCTPIFYEND
// CHECK-FIXES: int a = socket(AF_INET, SOCK_STREAM, 0);
// CHECK-FIXES: int b = socket(AF_INET6, SOCK_STREAM, 0);

// NOSCTPIFYBEGIN(sctp-socket-*)
int listed_rules(void) {
  return socket(AF_INET, SOCK_STREAM, 0);
}
// NOSCTPIFYEND(sctp-socket-*)
// CHECK-FIXES: return socket(AF_INET, SOCK_STREAM, 0);

// NOSCTPIFYBEGIN(sctp-oob-*)
int other_rules_listed(void) {
  return socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
}
// NOSCTPIFYEND(sctp-oob-*)

// An END whose list differs closes nothing: the BEGIN stays open to the
// end of the file, so neither silences anything.
// NOSCTPIFYBEGIN(sctp-socket-protocol)
// CHECK-MESSAGES: :[[@LINE-1]]:4: error: unmatched 'NOSCTPIFY{{BEGIN}}' comment without a subsequent 'NOSCTPIFY{{END}}' comment [sctpify-nosctpify]
// NOSCTPIFYEND(sctp-socket-*)
// CHECK-MESSAGES: :[[@LINE-1]]:4: error: unmatched 'NOSCTPIFY{{END}}' comment without a previous 'NOSCTPIFY{{BEGIN}}' comment [sctpify-nosctpify]
