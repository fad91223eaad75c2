// RUN: %check_sctpify %s %t
// IPPROTO_SCTP is not declared by <sys/socket.h>: the rewrite adds the header
// that declares it, once, after the file's own includes.
#include <sys/socket.h>
#include <unistd.h>
// CHECK-FIXES: #include <unistd.h>
// CHECK-FIXES-NEXT: #include <netinet/in.h>
// CHECK-FIXES-NEXT: //

int first(void) { return socket(AF_INET, SOCK_STREAM, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form
// CHECK-FIXES: int first(void) { return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); }
int second(void) { return socket(AF_INET6, SOCK_STREAM, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form
// CHECK-FIXES: int second(void) { return socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP); }
