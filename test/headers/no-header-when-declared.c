// RUN: %check_sctpify %s %t
// <netinet/in.h> already declares IPPROTO_SCTP where it is used, so the
// smallest correct edit adds no include.
#include <sys/socket.h>
#include <netinet/in.h>
// CHECK-FIXES: #include <netinet/in.h>
// CHECK-FIXES-NOT: #include <netinet/sctp.h>

int open_it(void) { return socket(AF_INET, SOCK_STREAM, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form
// CHECK-FIXES: int open_it(void) { return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); }
