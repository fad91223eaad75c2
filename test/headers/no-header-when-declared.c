// RUN: %check_sctpify %s %t
// <netdb.h> already declares IPPROTO_SCTP (through <netinet/in.h>) where it
// is used, so the smallest correct edit adds no include.
#include <sys/socket.h>
#include <netdb.h>
// CHECK-FIXES: #include <netdb.h>
// CHECK-FIXES-NOT: #include <netinet/in.h>

int open_it(void) { return socket(AF_INET, SOCK_STREAM, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form
// CHECK-FIXES: int open_it(void) { return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); }
