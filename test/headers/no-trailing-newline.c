// RUN: %check_sctpify %s %t
// A file whose last line has no newline still gets a well-formed include.
#include <sys/socket.h>
// CHECK-FIXES: #include <sys/socket.h>
// CHECK-FIXES-NEXT: #include <netinet/in.h>
int f(void) { return socket(AF_INET, SOCK_STREAM, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form
// CHECK-FIXES: int f(void) { return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); }
int g(void);