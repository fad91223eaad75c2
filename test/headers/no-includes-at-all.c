// RUN: %check_sctpify %s %t
// Old code declares what it calls itself. With no #include to follow, the
// header goes right before the declaration that holds the first use.
int socket(int domain, int type, int protocol);

/* Opens the listener. */
int listener(void) {
  return socket(2, 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
}
// CHECK-FIXES: /* Opens the listener. */
// CHECK-FIXES-NEXT: #include <netinet/in.h>
// CHECK-FIXES-NEXT: int listener(void) {
// CHECK-FIXES-NEXT: return socket(2, 1, IPPROTO_SCTP);
