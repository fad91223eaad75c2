// RUN: %check_sctpify %s %t
// A lingering close: shutdown(SHUT_WR), then reads until end-of-file or a
// timeout whose data is dropped, then close(). After its own SHUT_WR an SCTP
// socket never becomes readable, so every such close waits out the whole
// timeout. The shutdown becomes sctpify_shutdown(), which on an SCTP socket
// also shuts the read side: the drain sees end-of-file at once, and SCTP's
// SHUTDOWN still delivers everything sent before it. read() and recv() both
// count as the drain; a shutdown whose reads the program uses is a half-close,
// sctp-half-close's.
// Spellings of `how` and descriptor origins are the engine's, tested once in
// test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <stdio.h>
#include <unistd.h>
// The helper shuts the read side too, only after a SHUT_WR that worked on an
// SCTP socket.
// CHECK-FIXES: static inline int sctpify_shutdown(int fd, int how) {
// CHECK-FIXES-NEXT:   int r = shutdown(fd, how);
// CHECK-FIXES-NEXT:   if (r == 0 && how == SHUT_WR && sctpify_is_sctp(fd))
// CHECK-FIXES-NEXT:     r = shutdown(fd, SHUT_RD);
// CHECK-FIXES-NEXT:   return r;
// CHECK-FIXES-NEXT: }

// Drained with read() on a socket sctpify converts.
void on_converted_socket(void) {
  char drain[512];
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: lingering close: after shutdown(SHUT_WR) the program reads until end-of-file or a timeout and drops what it reads; on SCTP the socket never becomes readable after its own SHUT_WR, so every close waits the whole timeout [sctp-lingering-close]
  // CHECK-MESSAGES: note: SCTP form: sctpify_shutdown(fd, SHUT_WR)
  // CHECK-FIXES: {{^}}  sctpify_shutdown(fd, SHUT_WR);
  while (read(fd, drain, sizeof drain) > 0)
    continue;
  close(fd);
}

// Drained with recv(), the shutdown's result tested: only the callee changes.
void drained_with_recv(void) {
  char junk[64];
  int fd = socket(AF_INET6, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  if (shutdown(fd, SHUT_WR) == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: error: lingering close{{.*}} [sctp-lingering-close]
    // CHECK-MESSAGES: note: SCTP form: sctpify_shutdown(fd, SHUT_WR)
    // CHECK-FIXES: if (sctpify_shutdown(fd, SHUT_WR) == 0)
    while (recv(fd, junk, sizeof junk, MSG_DONTWAIT) > 0) {
    }
  close(fd);
}

// A descriptor passed in may hold any socket: the same helper decides on the
// socket it gets.
void on_parameter(int fd) {
  char drain[512];
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: lingering close{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-lingering-close]
  // CHECK-MESSAGES: note: SCTP form: sctpify_shutdown(fd, SHUT_WR)
  // CHECK-FIXES: {{^}}  sctpify_shutdown(fd, SHUT_WR);
  while (read(fd, drain, sizeof drain) > 0)
    continue;
  close(fd);
}

// A wrapper whose `how` comes from its callers (APR's apr_socket_shutdown(),
// proftpd's netio callback): a caller may linger after it in another
// function, so the helper decides on the socket and the `how` it gets.
int wrapper_shutdown(int fd, int how) {
  return shutdown(fd, how);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: shutdown() whose 'how' is only known at run time (a wrapper's): {{.*}}; whether it applies is only known at run time, so the port decides there [sctp-lingering-close]
  // CHECK-MESSAGES: note: SCTP form: sctpify_shutdown(fd, how)
  // CHECK-FIXES: {{^}}  return sctpify_shutdown(fd, how);
}

// Does not match a Unix-domain socket, which sctpify never converts.
void negative_unix_domain(void) {
  char drain[512];
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  shutdown(sv[0], SHUT_WR);
  while (read(sv[0], drain, sizeof drain) > 0)
    continue;
  close(sv[0]);
}

// Does not match SHUT_RDWR: the socket closes both ways, as the caller asked.
void negative_both_directions(int fd) {
  char drain[512];
  shutdown(fd, SHUT_RDWR);
  while (read(fd, drain, sizeof drain) > 0)
    continue;
}

// Does not match a shutdown whose reply the program uses: that is a
// half-close, which sctp-half-close reports.
void negative_reply_used(int fd) {
  char reply[512];
  long n;
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
  // CHECK-MESSAGES: note: mark the end of a request
  // CHECK-FIXES: {{^}}  shutdown(fd, SHUT_WR);
  while ((n = read(fd, reply, sizeof reply)) > 0)
    fwrite(reply, 1, n, stdout);
}
