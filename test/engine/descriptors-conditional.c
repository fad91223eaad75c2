// RUN: %check_sctpify %s %t
// A descriptor chosen by `c ? a : b` holds what either branch holds; a `-1`
// branch is "no descriptor". (The same shapes with if/else: descriptors.c.)
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// A wrapper that returns -1 or a Unix-domain socket through `?:` makes
// nothing to port.
static int new_unix_socket(void) {
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return fd < 0 ? -1 : fd;
}

void negative_unix_through_conditional(void) {
  int one = 1;
  int fd = new_unix_socket();
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
}

// A descriptor that is a Unix-domain socket on one branch and a converted
// one on the other: the option is decided at run time.
void one_of_two_branches(int local) {
  int one = 1;
  int fd = local ? socket(AF_UNIX, SOCK_STREAM, 0) : socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = local ? socket(AF_UNIX, SOCK_STREAM, 0) : socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}
