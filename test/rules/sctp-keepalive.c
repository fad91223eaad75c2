// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// SCTP accepts SO_KEEPALIVE and ignores it; heartbeats check liveness.
int enable_keepalive(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: SO_KEEPALIVE is accepted on an SCTP socket but does nothing{{.*}} [sctp-keepalive]
}

int converted_socket(void) {
  int off = 0;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &off, sizeof off);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SO_KEEPALIVE is accepted{{.*}} [sctp-keepalive]
  return fd;
}

// Does not match at level IPPROTO_IP, even though IP_PKTOPTIONS has the same
// number (9), nor a run-time level, nor a Unix-domain socket.
int negative(int fd, int level) {
  int one = 1;
  int r = setsockopt(fd, IPPROTO_IP, IP_PKTOPTIONS, &one, sizeof one);
  r |= setsockopt(fd, level, SO_KEEPALIVE, &one, sizeof one);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  return r | setsockopt(local, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
}

// Descriptors from the program's own functions are followed through their
// returns (memcached's new_socket_unix()): a wrapper that only ever returns
// a Unix-domain socket, or -1, gets no TCP flag; one that returns a socket
// sctpify converts does.
static int new_unix_socket(void) {
  int fd;
  if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
    return -1;
  return fd;
}

static int checked_unix_socket(void) { return new_unix_socket(); }

void keepalive_on_unix_wrapper(void) {
  int one = 1;
  int fd = checked_unix_socket();
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
}

static int new_inet_socket(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  return fd < 0 ? -1 : fd;
}

void keepalive_on_inet_wrapper(void) {
  int one = 1;
  int fd;
  fd = new_inet_socket();
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SO_KEEPALIVE is accepted{{.*}} [sctp-keepalive]
}

// A function that fills a descriptor through a pointer is not followed: what
// it returns says nothing about the descriptor.
static int open_into(int *out) {
  *out = socket(AF_UNIX, SOCK_STREAM, 0);
  return -1;
}

void keepalive_on_out_parameter(void) {
  int one = 1;
  int fd;
  open_into(&fd);
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SO_KEEPALIVE is accepted{{.*}} [sctp-keepalive]
}
