// RUN: %check_sctpify %s %t --fallback=tcp
// RUN: grep -c '^static inline [a-z]* *sctpify_fallback_' %t.c | FileCheck %s --check-prefix=HELPERS
// HELPERS: {{^5$}}
// The port compiles without a warning as C and as C++.
// RUN: %clang -std=gnu11 -Wall -Wextra -Werror -fsyntax-only %t.c
// RUN: %clangxx -x c++ -std=c++17 -Wall -Wextra -Werror -fsyntax-only %t.c
// What --fallback=tcp writes into a client (docs/fallback.md): the socket
// becomes sctpify_fallback_socket(), SCTP or TCP only at run time, and every
// call on it that depends on the transport goes through a helper, each
// decided at run time. Calls on other descriptors keep their plain form.
// The rewritten file compiles and a second run changes nothing
// (check_sctpify); test/fallback/host.sh runs such ports.
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
// The helpers follow the includes, the shared state first, each guarded;
// only those this file calls (no listen or accept here), and the SCTP-only
// port's option setters that sctpify_fallback_setsockopt() calls.
// CHECK-FIXES: #include <unistd.h>
// CHECK-FIXES-NEXT: #include <sys/types.h>
// CHECK-FIXES: #include <netinet/sctp.h>
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_FB_ENTRY_V1_DEFINED
// CHECK-FIXES: struct sctpify_fb_entry_v1 {
// CHECK-FIXES: #ifndef SCTPIFY_FB_STATE_V1_DEFINED
// CHECK-FIXES: __attribute__((weak)) struct sctpify_fb_state_v1 sctpify_fb_state_v1 = {
// CHECK-FIXES: static inline int sctpify_fallback_socket(int domain, int type, int protocol) {
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
// CHECK-FIXES: static inline int sctpify_fallback_setsockopt(int fd, int level, int name, const void *val,
// CHECK-FIXES: static inline int sctpify_fallback_connect(int fd, const struct sockaddr *addr, socklen_t len) {
// CHECK-FIXES-NOT: sctpify_fallback_listen
// CHECK-FIXES-NOT: sctpify_fallback_accept

int connect_to(const struct sockaddr_in *sa) {
  int one = 1, err = 0;
  socklen_t len = sizeof err;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket (TCP fallback): it becomes an SCTP one-to-one socket where the kernel has SCTP, and the TCP socket asked for where it has not (EPROTONOSUPPORT); the calls on it that depend on the transport go through sctpify_fallback_* helpers [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)
  // CHECK-FIXES: int fd = sctpify_fallback_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  // Options, TCP-level or not, are set in the transport used and recorded
  // for a fallback; the built-in TCP option rule says nothing here.
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: setsockopt() on a socket that may be SCTP (TCP fallback): a TCP-level option is set in SCTP's form on SCTP and as written on TCP; the option is recorded so that a socket re-created as TCP gets it too; whether it applies is only known at run time, so the port decides there [sctp-fallback-setsockopt]
  // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: sctpify_fallback_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: setsockopt() on a socket that may be SCTP (TCP fallback): {{.*}} [sctp-fallback-setsockopt]
  // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one)
  // CHECK-MESSAGES: :[[@LINE-3]]:3: remark: SO_KEEPALIVE is accepted on an SCTP socket but does nothing{{.*}} [sctp-keepalive]
  // CHECK-MESSAGES: note: drop the option
  // CHECK-FIXES: sctpify_fallback_setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0 && errno != EINPROGRESS) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: connect() on a socket that may be SCTP (TCP fallback): SCTP is tried with an INIT budget of about 250 ms; where SCTP cannot reach the peer (ABORT, ICMP protocol unreachable, no answer) the descriptor is re-created as TCP under the same number, with its flags and options, and connected again; whether it applies is only known at run time, so the port decides there [sctp-fallback-connect]
    // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_connect(fd, (const struct sockaddr *)sa, sizeof *sa)
    // CHECK-FIXES: if (sctpify_fallback_connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0 && errno != EINPROGRESS) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: close() on a socket that may be SCTP (TCP fallback): a listener's TCP twin is closed with it, and the socket's entry goes; whether it applies is only known at run time, so the port decides there [sctp-fallback-close]
    // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_close(fd)
    // CHECK-FIXES: sctpify_fallback_close(fd);
    return -1;
  }
  struct pollfd p = {fd, POLLOUT, 0};
  poll(&p, 1, -1);
  // Where a non-blocking program learns how its connect ended, a failed
  // SCTP attempt goes on over TCP.
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: getsockopt() on a socket that may be SCTP (TCP fallback): after a non-blocking connect, SO_ERROR is where a failed SCTP attempt turns into a TCP connect (waited for up to 1 s); TCP-level options are read in the transport the socket uses; whether it applies is only known at run time, so the port decides there [sctp-fallback-getsockopt]
    // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
    // CHECK-FIXES: if (sctpify_fallback_getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: close() on a socket that may be SCTP (TCP fallback): {{.*}} [sctp-fallback-close]
    // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_close(fd)
    // CHECK-FIXES: sctpify_fallback_close(fd);
    return -1;
  }
  // Other socket-level reads need no helper.
  int proto = 0;
  getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SO_PROTOCOL reports IPPROTO_SCTP (132) on a converted socket{{.*}} [sctp-protocol-compare-so-protocol]
  // CHECK-MESSAGES: note: accept IPPROTO_SCTP
  // CHECK-FIXES: getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len);
  return fd;
}

// An SCTP socket the program asks for itself stays SCTP: the SCTP port's
// rules apply to it, and the fallback helpers do not (they apply only where
// the transport is decided at run time).
int sctp_on_purpose(const struct sockaddr_in *sa) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: remark: an SCTP socket the program asks for itself (TCP fallback): it stays SCTP, with no fallback to TCP on a kernel without SCTP or against a TCP-only peer; the SCTP port's rules apply to it [sctp-fallback-sctp-socket]
  // CHECK-MESSAGES: note: keep it where SCTP is the point
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  return connect(fd, (const struct sockaddr *)sa, sizeof *sa);
  // CHECK-FIXES: return connect(fd, (const struct sockaddr *)sa, sizeof *sa);
}

// A file is no socket: its calls stay as written.
int read_config(const char *path) {
  char buf[64];
  int file = open(path, O_RDONLY);
  ssize_t n = read(file, buf, sizeof buf);
  close(file);
  // CHECK-FIXES: close(file);
  return (int)n;
}

// A descriptor the analysis cannot trace (a parameter of a function other
// files may call) gets no fallback helper: the built-in option rule's
// run-time form, as without the mode.
int tune(int fd) {
  int one = 1;
  return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_NODELAY is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); whether it applies is only known at run time, so the port decides there [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: return sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}
