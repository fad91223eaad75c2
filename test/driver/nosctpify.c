// RUN: %check_sctpify %s %t
// RUN: %sctpify %s -- 2>&1 >/dev/null | FileCheck %s --check-prefix=SUMMARY
// SUMMARY: 1 rewrite, 0 to review, 0 flags, 4 suppressed
// `// NOSCTPIFY` silences every finding on its line, `NOSCTPIFY(ids)` only
// the listed rules (globs allowed), `NOSCTPIFYNEXTLINE` the following line.
// Suppressed findings are neither shown nor rewritten, only counted.
#include <sys/socket.h>
#include <netinet/in.h>

int suppressed(void) {
  int a = socket(AF_INET, SOCK_STREAM, 0); // NOSCTPIFY
  int b = socket(AF_INET, SOCK_STREAM, 0); // NOSCTPIFY(sctp-socket-*)
  // NOSCTPIFYNEXTLINE
  int c = socket(AF_INET, SOCK_STREAM, 0);
  // NOSCTPIFYNEXTLINE(sctp-oob-data, sctp-socket-protocol)
  int d = socket(AF_INET, SOCK_STREAM, 0);
  return a + b + c + d;
}
// CHECK-FIXES: int a = socket(AF_INET, SOCK_STREAM, 0); // NOSCTPIFY
// CHECK-FIXES: int b = socket(AF_INET, SOCK_STREAM, 0); // NOSCTPIFY(sctp-socket-*)
// CHECK-FIXES: int c = socket(AF_INET, SOCK_STREAM, 0);
// CHECK-FIXES: int d = socket(AF_INET, SOCK_STREAM, 0);

int other_rule_named(void) {
  return socket(AF_INET, SOCK_STREAM, 0); // NOSCTPIFY(sctp-oob-data)
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); // NOSCTPIFY(sctp-oob-data)
}
