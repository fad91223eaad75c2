// RUN: %check_sctpify %s %t
// A call is found wherever the expression is: parenthesized, in a condition,
// as another call's argument, in a loop, split over lines. Only the argument
// the rule rewrites changes; everything around it is kept byte for byte.
#include <sys/socket.h>
#include <netinet/in.h>
#include <stdio.h>

int parenthesized(void) { return (socket)(AF_INET, (SOCK_STREAM), (0)); }
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form: (socket)(AF_INET, (SOCK_STREAM), IPPROTO_SCTP)
// CHECK-FIXES: int parenthesized(void) { return (socket)(AF_INET, (SOCK_STREAM), IPPROTO_SCTP); }

int in_condition(void) {
  int fd;
  if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
    // CHECK-MESSAGES: note: SCTP form
    // CHECK-FIXES: if ((fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)) < 0)
    perror("socket");
  return fd;
}

int as_argument(void) { return printf("%d\n", socket(AF_INET6, SOCK_STREAM, 0)); }
// CHECK-MESSAGES: :[[@LINE-1]]:47: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form
// CHECK-FIXES: int as_argument(void) { return printf("%d\n", socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP)); }

int in_loop(int n) {
  int fds[4], i;
  for (i = 0; i < n && i < 4; i++)
    fds[i] = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: fds[i] = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  return fds[0];
}

// The note quotes the ported call as it will be written, lines and all.
int over_lines(void) {
  return socket(AF_INET,
                SOCK_STREAM,
                0);
  // CHECK-MESSAGES: :[[@LINE-3]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(AF_INET,
  // CHECK-FIXES:      return socket(AF_INET,
  // CHECK-FIXES-NEXT:               SOCK_STREAM,
  // CHECK-FIXES-NEXT:               IPPROTO_SCTP);
}

// Does not match a function of the program's own that happens to take the
// same arguments, nor a call through a member of that name.
struct transport { int (*socket)(int, int, int); };
int open_socket(int family, int type, int protocol);
int negative_other_callees(const struct transport *t) {
  return open_socket(AF_INET, SOCK_STREAM, 0) + t->socket(AF_INET, SOCK_STREAM, 0);
}
