// clang-tidy's NOLINT comments silence the module's findings and their
// fixes; the header a port needs then comes with a finding that stays, so
// the fixed file still compiles. sctpify's own NOSCTPIFY works here too.
// RUN: rm -rf %t && mkdir %t && sed 's#// *[A-Z][A-Z-]*:.*#//#' %s > %t/nolint.c
// RUN: %clang_tidy -load=%tidy_module -checks='-*,sctp-*' --use-color=false %t/nolint.c -- -std=gnu11 2>&1 | FileCheck %s --check-prefix=MSG --implicit-check-not=warning:
// RUN: %clang_tidy -load=%tidy_module -checks='-*,sctp-*' --fix %t/nolint.c -- -std=gnu11
// RUN: FileCheck %s --check-prefix=FIX --strict-whitespace --input-file=%t/nolint.c
// RUN: %clang -std=gnu11 -fsyntax-only -Werror=implicit-function-declaration %t/nolint.c
#include <sys/socket.h>
// Only <sys/socket.h> is included: IPPROTO_SCTP needs <netinet/in.h>.
// FIX: #include <sys/socket.h>
// FIX-NEXT: #include <netinet/in.h>

int silenced(void) {
  return socket(AF_INET, SOCK_STREAM, 0); // NOLINT(sctp-socket-protocol)
  // FIX: return socket(AF_INET, SOCK_STREAM, 0); // NOLINT(sctp-socket-protocol)
}

int other_check_named(void) {
  return socket(AF_INET, SOCK_STREAM, 0); // NOLINT(readability-*)
  // MSG: nolint.c:[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // FIX: return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); // NOLINT(readability-*)
}

int next_line(void) {
  // NOLINTNEXTLINE
  return socket(AF_INET6, SOCK_STREAM, 0);
  // FIX: return socket(AF_INET6, SOCK_STREAM, 0);
}

// NOLINTBEGIN(sctp-socket-*)
int in_block(void) {
  return socket(AF_INET, SOCK_STREAM, 0);
  // FIX: return socket(AF_INET, SOCK_STREAM, 0);
}
// NOLINTEND(sctp-socket-*)

int nosctpify(void) {
  return socket(AF_INET, SOCK_STREAM, 0); // NOSCTPIFY
  // FIX: return socket(AF_INET, SOCK_STREAM, 0); // NOSCTPIFY
}

int after_block(void) {
  return socket(AF_INET6, SOCK_STREAM, 0);
  // MSG: nolint.c:[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // FIX: return socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
}
// MSG: Suppressed 3 warnings (3 NOLINT)
