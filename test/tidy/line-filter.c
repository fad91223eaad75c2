// clang-tidy's --line-filter (what clang-tidy-diff passes) drops findings
// outside the lines; the header the remaining port needs still comes with
// it, although the file's first port is filtered out.
// RUN: rm -rf %t && mkdir %t && sed 's#// *[A-Z][A-Z-]*:.*#//#' %s > %t/lf.c
// RUN: %clang_tidy -load=%tidy_module -checks='-*,sctp-*' -line-filter='[{"name":"lf.c","lines":[[16,16]]}]' --use-color=false %t/lf.c -- -std=gnu11 2>&1 | FileCheck %s --check-prefix=MSG --implicit-check-not=warning:
// RUN: %clang_tidy -load=%tidy_module -checks='-*,sctp-*' -line-filter='[{"name":"lf.c","lines":[[16,16]]}]' --fix %t/lf.c -- -std=gnu11
// RUN: FileCheck %s --check-prefix=FIX --strict-whitespace --input-file=%t/lf.c
// RUN: %clang -std=gnu11 -fsyntax-only %t/lf.c
#include <sys/socket.h>
// FIX: #include <sys/socket.h>
// FIX-NEXT: #include <netinet/in.h>

int outside(void) { return socket(AF_INET, SOCK_STREAM, 0); }
// FIX: int outside(void) { return socket(AF_INET, SOCK_STREAM, 0); }

int inside(void) { return socket(AF_INET, SOCK_STREAM, 0); }
// MSG: lf.c:[[@LINE-1]]:27: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// FIX: int inside(void) { return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); }
