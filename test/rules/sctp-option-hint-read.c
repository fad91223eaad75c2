// RUN: %check_sctpify %s %t
// Reading back a TCP option that only tunes TCP's performance: on an SCTP
// socket getsockopt fails (ENOPROTOOPT/EOPNOTSUPP), and since the port sets
// these options with no effect (sctp-option-cork and the like) there is no
// value to read. Reported, never changed. Every hint belongs to this rule:
// TCP_CORK, TCP_LINGER2, TCP_DEFER_ACCEPT, TCP_WINDOW_CLAMP, TCP_CONGESTION,
// TCP_CC_INFO, the thin-stream, Fast Open and TCP_NOTSENT_LOWAT options.
// Level spellings and descriptor origins are the engine's, tested once in
// test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <fcntl.h>

// Every name, read on a socket sctpify converts: reported, left as written.
int on_converted_socket(void) {
  int v = 0;
  char name[16];
  socklen_t len = sizeof v;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  getsockopt(fd, IPPROTO_TCP, TCP_CORK, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint; on an SCTP socket getsockopt fails (ENOPROTOOPT/EOPNOTSUPP): the port sets these options with no effect, so there is no value to read back [sctp-option-hint-read]
  // CHECK-MESSAGES: note: drop the read, or keep the value the program set in a variable of its own
  // CHECK-FIXES: {{^}}  getsockopt(fd, IPPROTO_TCP, TCP_CORK, &v, &len);
  getsockopt(fd, IPPROTO_TCP, TCP_LINGER2, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, name, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_CC_INFO, name, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_THIN_LINEAR_TIMEOUTS, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_THIN_DUPACK, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_CONNECT, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_KEY, name, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_NO_COOKIE, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  getsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  // CHECK-FIXES: {{^}}  getsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &v, &len);
  return fd;
}

// A descriptor passed in may hold a converted socket: reported the same way.
int on_parameter(int fd) {
  int v = 0;
  socklen_t len = sizeof v;
  return getsockopt(fd, IPPROTO_TCP, TCP_CORK, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: reads a TCP-only performance hint{{.*}} [sctp-option-hint-read]
  // CHECK-FIXES: return getsockopt(fd, IPPROTO_TCP, TCP_CORK, &v, &len);
}

// Does not match descriptors that are never converted sockets: a Unix-domain
// socket, a file from open().
int negative_not_converted(void) {
  int v = 0;
  socklen_t len = sizeof v;
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  int file = open("settings", O_RDONLY);
  return getsockopt(local, IPPROTO_TCP, TCP_CORK, &v, &len) +
         getsockopt(file, IPPROTO_TCP, TCP_CORK, &v, &len);
}

// Does not match at level SOL_SOCKET, even though SO_TYPE has the same
// number (3) as TCP_CORK.
int negative_other_level(int fd) {
  int v = 0;
  socklen_t len = sizeof v;
  return getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len);
}

// Does not match a read of an option the port maps (TCP_NODELAY is
// sctp-option-nodelay's), nor setting a hint (sctp-option-cork's).
int negative_mapped_read_or_set(int fd) {
  int v = 1;
  socklen_t len = sizeof v;
  getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &v, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-FIXES: sctpify_getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &v, &len);
  return setsockopt(fd, IPPROTO_TCP, TCP_CORK, &v, sizeof v);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_CORK is a TCP-level option{{.*}} [sctp-option-cork]
  // CHECK-FIXES: return sctpify_setsockopt(fd, IPPROTO_TCP, TCP_CORK, &v, sizeof v);
}
