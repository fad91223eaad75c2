// RUN: %check_sctpify %s %t
// A descriptor parameter holds what the function's callers pass. Where
// every call is seen (a static function whose address is not taken) and
// each passes a converted socket, the parameter is one; where some caller
// passes one and others may not, the port decides at run time; where no
// caller passes one, nothing changes. `accept()` and `dup()` give a socket
// like the one they are handed (rules: descriptor-sources).
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

static int listener(void) {
  return socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
}

// Every caller passes an accepted connection of the converted listener.
static void serve(int conn) {
  int one = 1;
  setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(conn, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: setsockopt(conn, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
}

// Called with a converted socket here, and from other TUs with anything.
void tune(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY{{.*}} only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// Only ever handed a pipe: nothing to port.
static void quiet(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int run(void) {
  int l = listener();
  int conn = accept(l, 0, 0);
  serve(conn);
  serve(dup(conn));
  tune(conn);
  int p[2];
  if (pipe(p) == 0)
    quiet(p[0]);
  return 0;
}
