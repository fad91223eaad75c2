// RUN: %check_sctpify %s %t --disable=sctp-stream-send
// (sctp-stream-send also speaks of every send(); sctp-stream-send.c tests it.)
// RUN: grep -c '^static inline int sctpify_' %t.c | FileCheck %s --check-prefix=HELPERS
// HELPERS: {{^10$}}
// Where an argument a rewrite depends on is only known at run time, the call
// is ported to a helper that decides there: sctpify_socket(),
// sctpify_setsockopt(), sctpify_getsockopt(). The call keeps its arguments,
// so each is evaluated once, as before. Flags are not reported at run time.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// The helpers follow the includes, once each however many calls use them,
// each guarded so that copies in a header and in a file that includes it do
// not clash, and those a helper calls come first (sctpify_is_sctp before the
// option helpers, and the hint list and the SCTP setters that
// sctpify_setsockopt() calls before it). A second run adds nothing
// (check_sctpify runs it).
// CHECK-FIXES: #include <netinet/tcp.h>
// CHECK-FIXES-NEXT: #include <errno.h>
// CHECK-FIXES-NEXT: #include <string.h>
// CHECK-FIXES-NEXT: #include <netinet/sctp.h>
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_IS_SCTP_DEFINED
// CHECK-FIXES-NEXT: #define SCTPIFY_IS_SCTP_DEFINED
// CHECK-FIXES:      static inline int sctpify_is_sctp(int fd) {
// CHECK-FIXES:      #endif
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_TCP_OPTION_IS_HINT_DEFINED
// CHECK-FIXES:      static inline int sctpify_tcp_option_is_hint(int optname) {
// CHECK-FIXES:      static inline int sctpify_set_hbinterval(int fd, unsigned ms) {
// CHECK-FIXES:      static inline int sctpify_set_rto_max(int fd, unsigned ms) {
// CHECK-FIXES:      static inline int sctpify_set_max_retrans(int fd, unsigned count) {
// CHECK-FIXES:      static inline int sctpify_set_init_max_attempts(int fd, unsigned attempts) {
// CHECK-FIXES:      static inline int sctpify_set_sack_freq(int fd, unsigned freq) {
// CHECK-FIXES:      #endif
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_SETSOCKOPT_DEFINED
// CHECK-FIXES-NEXT: #define SCTPIFY_SETSOCKOPT_DEFINED
// CHECK-FIXES:      static inline int sctpify_setsockopt(int fd, int level, int optname,
// CHECK-FIXES:        int r = setsockopt(fd, level, optname, optval, optlen);
// CHECK-FIXES:        if (!sctpify_is_sctp(fd))
// CHECK-FIXES:      #endif
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_GETSOCKOPT_DEFINED
// CHECK-FIXES-NEXT: #define SCTPIFY_GETSOCKOPT_DEFINED
// CHECK-FIXES:      static inline int sctpify_getsockopt(int fd, int level, int optname,
// CHECK-FIXES:      #endif
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_SOCKET_DEFINED
// CHECK-FIXES-NEXT: #define SCTPIFY_SOCKET_DEFINED
// CHECK-FIXES:      static inline int sctpify_socket(int domain, int type, int protocol) {
// CHECK-FIXES:      #endif
// CHECK-FIXES-NEXT: // The helpers follow the includes, once each

// Options: a level or an option known only at run time may be TCP_NODELAY at
// level TCP; the helper asks the socket whether it is SCTP and passes
// everything else on as written.
int runtime_level(int fd, int level) {
  int one = 1;
  return setsockopt(fd, level, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: a socket option whose level or name is only known at run time (a wrapper's setsockopt): TCP-level options fail on an SCTP socket (ENOPROTOOPT/EOPNOTSUPP), so the port sets the SCTP form of those that have one and leaves the others as they were; whether it applies is only known at run time, so the port decides there [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, level, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: return sctpify_setsockopt(fd, level, TCP_NODELAY, &one, sizeof one);
}

int runtime_option(int fd, int opt) {
  int one = 1;
  return setsockopt(fd, IPPROTO_TCP, opt, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: a socket option whose level or name is only known at run time{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, opt, &one, sizeof one)
  // CHECK-FIXES: return sctpify_setsockopt(fd, IPPROTO_TCP, opt, &one, sizeof one);
}

int runtime_get(int fd, int level, int opt) {
  int on = 0;
  socklen_t len = sizeof on;
  return getsockopt(fd, level, opt, &on, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: a socket option whose level or name is only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_getsockopt(fd, level, opt, &on, &len)
  // CHECK-FIXES: return sctpify_getsockopt(fd, level, opt, &on, &len);
}

// Sockets: a family, type or protocol known only at run time.
int runtime_family(int family) { return socket(family, SOCK_STREAM, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: TCP stream socket: it becomes an SCTP one-to-one socket, which takes the same calls (bind, listen, accept, connect, send, recv); whether it applies is only known at run time, so the port decides there [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form: sctpify_socket(family, SOCK_STREAM, 0)
// CHECK-FIXES: int runtime_family(int family) { return sctpify_socket(family, SOCK_STREAM, 0); }
int runtime_type(int type) { return socket(AF_INET, type, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form: sctpify_socket(AF_INET, type, 0)
// CHECK-FIXES: int runtime_type(int type) { return sctpify_socket(AF_INET, type, 0); }
int runtime_protocol(int protocol) { return socket(AF_INET6, SOCK_STREAM, protocol); }
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form: sctpify_socket(AF_INET6, SOCK_STREAM, protocol)
// CHECK-FIXES: int runtime_protocol(int protocol) { return sctpify_socket(AF_INET6, SOCK_STREAM, protocol); }

struct endpoint { int family; int type; int protocol; };
int runtime_all(const struct endpoint *ep) {
  return socket(ep->family, ep->type, ep->protocol);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(ep->family, ep->type, ep->protocol)
  // CHECK-FIXES: return sctpify_socket(ep->family, ep->type, ep->protocol);
}

// Arguments with effects keep them, and are evaluated once: a helper is a
// function, not a macro or an inline condition that repeats its arguments.
int next_family(void);
int runtime_with_effects(void) { return socket(next_family(), SOCK_STREAM, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form: sctpify_socket(next_family(), SOCK_STREAM, 0)
// CHECK-FIXES: int runtime_with_effects(void) { return sctpify_socket(next_family(), SOCK_STREAM, 0); }

int set_each(const int *fds, int n, int level) {
  int one = 1, i = 0, r = 0;
  while (i < n)
    r |= setsockopt(fds[i++], level, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: a socket option whose level or name is only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fds[i++], level, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: r |= sctpify_setsockopt(fds[i++], level, TCP_NODELAY, &one, sizeof one);
  return r;
}

// Does not decide at run time what a constant argument already rules out: a
// Unix-domain socket stays one whatever its type, a datagram socket whatever
// its family, a socket-level option whatever its name.
int negative_runtime_but_unix(int type) { return socket(AF_UNIX, type, 0); }
int negative_runtime_but_datagram(int family) { return socket(family, SOCK_DGRAM, 0); }
int negative_runtime_but_socket_level(int fd, int opt) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, opt, &one, sizeof one);
}

// Does not report a flag whose argument is only known at run time: a warning
// about what may not happen would be noise. (TCP_USER_TIMEOUT is flag-only;
// TCP_CORK, a hint, is now rewritten through sctpify_setsockopt.)
int negative_flag_runtime_level(int fd, int level) {
  int one = 1;
  return setsockopt(fd, level, TCP_USER_TIMEOUT, &one, sizeof one);
}
void negative_flag_runtime_flags(int fd, int flags) { send(fd, "!", 1, flags); }
