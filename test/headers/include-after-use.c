// RUN: %check_sctpify %s %t
// IPPROTO_SCTP is declared by <netinet/in.h>, which is safe before or after
// any other header. (<netinet/sctp.h> is not: placed before a later
// <netinet/in.h> its fallback `#define IPPROTO_SCTP 132` breaks in.h's enum.)
#include <sys/socket.h>
// CHECK-FIXES: #include <sys/socket.h>
// CHECK-FIXES-NEXT: #include <netinet/in.h>

int early(void) { return socket(AF_INET, SOCK_STREAM, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form
// CHECK-FIXES: int early(void) { return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); }

#include <netinet/in.h>
#include <netinet/sctp.h>
int late(void) { return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); }
