// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
// CHECK-FIXES: #include <netinet/tcp.h>
// CHECK-FIXES-NEXT: #include <netinet/sctp.h>
// The helpers for calls decided at run time (below) follow the includes,
// once each, those they call first.
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_IS_SCTP_DEFINED
// CHECK-FIXES: static inline int sctpify_is_sctp(int fd) {
// CHECK-FIXES: static inline int sctpify_setsockopt(int fd, int level, int optname,
// CHECK-FIXES: static inline int sctpify_socket(int domain, int type, int protocol) {

// Values decide, never spellings: IPPROTO_TCP, SOL_TCP, 6, a macro and a
// const variable are one level; TCP_NODELAY and 1 are one option.
#define TCP_LEVEL SOL_TCP
static const int kNoDelay = TCP_NODELAY;

void set_on_parameter(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_NODELAY is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
}

int other_spellings(int fd) {
  int one = 1;
  int r = setsockopt(fd, SOL_TCP, TCP_NODELAY, &one, sizeof(one));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int r = setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof(one));
  r |= setsockopt(fd, 6, 1, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: r |= setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  r |= setsockopt(fd, TCP_LEVEL, kNoDelay, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: r |= setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  return r;
}

// getsockopt reads the same int flag.
int read_back(int fd) {
  int on = 0;
  socklen_t len = sizeof on;
  getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: getsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &on, &len);
  return on;
}

// A socket sctpify converts in the same function: both calls change.
int converted_socket(void) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  return fd;
}

// A level known only at run time is decided at run time: the helper sets
// SCTP_NODELAY where the level is TCP's and the socket SCTP.
int runtime_level(int fd, int level) {
  int one = 1;
  return setsockopt(fd, level, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_NODELAY is a TCP-level option{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, level, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: return sctpify_setsockopt(fd, level, TCP_NODELAY, &one, sizeof one);
}

// An option known only at run time at the TCP level may be TCP_NODELAY: the
// same helper decides.
int runtime_option(int fd, int opt) {
  int one = 1;
  return setsockopt(fd, IPPROTO_TCP, opt, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_NODELAY is a TCP-level option{{.*}} only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, opt, &one, sizeof one)
  // CHECK-FIXES: return sctpify_setsockopt(fd, IPPROTO_TCP, opt, &one, sizeof one);
}

// Does not match at level SOL_SOCKET, even though SO_DEBUG has the same
// number (1) as TCP_NODELAY.
int negative_socket_level(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_DEBUG, &one, sizeof one);
}

// Does not match other TCP options: each has its own rule.
int negative_other_option(int fd) {
  int one = 1;
  return setsockopt(fd, IPPROTO_IP, 1, &one, sizeof one);
}

// Does not touch a Unix-domain socket: TCP_NODELAY there is not ours to port.
int negative_unix_socket(void) {
  int one = 1;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// A socket that was SCTP before the port gets the same fix: TCP_NODELAY on
// it fails just the same.
void already_sctp(void) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
}

// A descriptor whose socket is chosen at run time (SCTP for the Internet
// family, still Unix-domain otherwise) gets its option chosen at run time
// too: sctpify asks the socket, through helpers it adds once.
void family_at_run_time(int family) {
  int one = 1;
  int fd = socket(family, SOCK_STREAM, 0);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: TCP stream socket{{.*}}only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: TCP_NODELAY is a TCP-level option{{.*}}only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: int fd = sctpify_socket(family, SOCK_STREAM, 0);
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// A local the function never changes has its initialiser's value (curl's
// tcpnodelay()). When this call is its only use, the value is ported where
// it is written, so that the variable does not end up unused.
void level_in_unchanged_local(int sockfd) {
  int onoff = 1;
  int level = IPPROTO_TCP;
  // CHECK-FIXES: int level = IPPROTO_SCTP;
  setsockopt(sockfd, level, TCP_NODELAY, &onoff, sizeof onoff);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(sockfd, IPPROTO_SCTP, SCTP_NODELAY, &onoff, sizeof onoff)
  // CHECK-FIXES: setsockopt(sockfd, level, SCTP_NODELAY, &onoff, sizeof onoff);
}

// Used by another call as well: the argument itself is ported.
int level_shared_by_two_calls(int sockfd) {
  int onoff = 1;
  int level = IPPROTO_TCP;
  // CHECK-FIXES: int level = IPPROTO_TCP;
  int r = setsockopt(sockfd, level, TCP_NODELAY, &onoff, sizeof onoff);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int r = setsockopt(sockfd, IPPROTO_SCTP, SCTP_NODELAY, &onoff, sizeof onoff);
  return r | setsockopt(sockfd, level, 99, &onoff, sizeof onoff);
}

// A local the function may change is not a known value: decided at run time.
int level_changed_on_a_path(int sockfd, int raw) {
  int onoff = 1;
  int level = IPPROTO_TCP;
  if (raw)
    level = IPPROTO_IP;
  return setsockopt(sockfd, level, TCP_NODELAY, &onoff, sizeof onoff);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP_NODELAY is a TCP-level option{{.*}} only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(sockfd, level, TCP_NODELAY, &onoff, sizeof onoff)
  // CHECK-FIXES: return sctpify_setsockopt(sockfd, level, TCP_NODELAY, &onoff, sizeof onoff);
}
