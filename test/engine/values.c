// RUN: %check_sctpify %s %t --disable=sctp-stream-send
// (sctp-stream-send also speaks of every send(); sctp-stream-send.c tests it.)
// Rules compare values, never spellings. Whatever rule asks (a family, a
// type, a level, an option, a flag bit, a string), the engine reads the
// argument's value the way the compiler computes it: a name, a number, a
// macro, an enumerator, a `static const` and a local the function never
// changes are all the same. Shown here once, through a few rules; the rules'
// own tests use the plain spelling.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netdb.h>
// CHECK-FIXES: #include <netdb.h>
// CHECK-FIXES-NEXT: #include <netinet/sctp.h>
// CHECK-FIXES-NEXT: #include <errno.h>
// CHECK-FIXES-NEXT: #include <string.h>
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_IS_SCTP_DEFINED

#define TCP_LEVEL SOL_TCP
#define LISTEN_FAMILY AF_INET6
#define DEFAULT_PROTOCOL 0
#define URGENT_FLAGS (MSG_OOB | MSG_DONTWAIT)
#define PROTO_NAME "tcp"
enum { kTcpProtocol = 6, kTcpLevel = IPPROTO_TCP };
static const int kFamily = PF_INET;
static const int kStreamType = SOCK_STREAM | SOCK_NONBLOCK;
static const int kNoDelay = TCP_NODELAY;
static const int kUrgent = MSG_OOB;
static const char kProto[] = "tcp";

// A family: AF_INET, PF_INET (the same 2), the number, a macro, a const.
int families(void) {
  int a = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: int a = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int b = socket(PF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(PF_INET, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: int b = socket(PF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int c = socket(2, 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(2, 1, IPPROTO_SCTP)
  // CHECK-FIXES: int c = socket(2, 1, IPPROTO_SCTP);
  int d = socket(LISTEN_FAMILY, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(LISTEN_FAMILY, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: int d = socket(LISTEN_FAMILY, SOCK_STREAM, IPPROTO_SCTP);
  int e = socket(kFamily, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(kFamily, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: int e = socket(kFamily, SOCK_STREAM, IPPROTO_SCTP);
  return a + b + c + d + e;
}

// A type with flag bits is compared under the rule's mask: SOCK_NONBLOCK and
// SOCK_CLOEXEC do not make a stream socket anything else.
int masked_types(void) {
  int a = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int a = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_SCTP);
  int b = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int b = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_SCTP);
  int c = socket(AF_INET, kStreamType, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int c = socket(AF_INET, kStreamType, IPPROTO_SCTP);
  return a + b + c;
}

// A protocol: the name, the number, a macro for 0, an enumerator. The
// argument that is rewritten is replaced whatever its spelling.
int protocols(void) {
  int a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int a = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int b = socket(AF_INET, SOCK_STREAM, 6);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int b = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int c = socket(AF_INET, SOCK_STREAM, DEFAULT_PROTOCOL);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int d = socket(AF_INET, SOCK_STREAM, kTcpProtocol);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int d = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  return a + b + c + d;
}

// A level: IPPROTO_TCP, SOL_TCP and 6 are one level; TCP_NODELAY and 1 one
// option; a macro, an enumerator and a const stand for their values. A flag
// rule (sctp-option-user-timeout) reads its arguments the same way. The
// descriptor is a socket sctpify converts (one that is already SCTP, so
// that it adds no finding of its own): the options are ported in place, not
// decided at run time as on a parameter (descriptors.c).
int levels_and_options(void) {
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int one = 1;
  int r = setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: int r = setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  r |= setsockopt(fd, SOL_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: r |= setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  r |= setsockopt(fd, 6, 1, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: r |= setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  r |= setsockopt(fd, TCP_LEVEL, kNoDelay, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: r |= setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  r |= setsockopt(fd, kTcpLevel, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: r |= setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  r |= setsockopt(fd, kTcpProtocol, 18, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: error: TCP_USER_TIMEOUT is a TCP-level option{{.*}} [sctp-option-user-timeout]
  // CHECK-MESSAGES: note:
  r |= setsockopt(fd, TCP_LEVEL, TCP_USER_TIMEOUT, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: error: TCP_USER_TIMEOUT is a TCP-level option{{.*}} [sctp-option-user-timeout]
  // CHECK-MESSAGES: note:
  return r;
}

// A local the function never changes has its initialiser's value (curl's
// tcpnodelay()). When this call is its only use, the value is ported where
// it is written, so that the variable does not end up unused.
void level_in_unchanged_local(void) {
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int one = 1;
  int level = IPPROTO_TCP;
  // CHECK-FIXES: int level = IPPROTO_SCTP;
  setsockopt(fd, level, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: setsockopt(fd, level, SCTP_NODELAY, &one, sizeof one);
}

// Read by another call as well (here one a flag rule reports), the local
// keeps its value and the rewritten call's argument is ported instead.
int level_shared_by_two_calls(void) {
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int one = 1;
  int level = IPPROTO_TCP;
  // CHECK-FIXES: int level = IPPROTO_TCP;
  int r = setsockopt(fd, level, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int r = setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  return r | setsockopt(fd, level, TCP_USER_TIMEOUT, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: error: TCP_USER_TIMEOUT is a TCP-level option{{.*}} [sctp-option-user-timeout]
  // CHECK-MESSAGES: note:
  // CHECK-FIXES: return r | setsockopt(fd, level, TCP_USER_TIMEOUT, &one, sizeof one);
}

// A local the function may change is not a known value: a rewrite is decided
// at run time (see run-time.c) ...
int level_changed_on_a_path(int raw) {
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int one = 1;
  int level = IPPROTO_TCP;
  if (raw)
    level = IPPROTO_IP;
  return setsockopt(fd, level, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: a socket option whose level or name is only known at run time{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, level, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: return sctpify_setsockopt(fd, level, TCP_NODELAY, &one, sizeof one);
}

// ... and a flag is not reported: a warning about what may not happen would
// be noise.
int negative_flag_on_changed_local(int raw) {
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  int one = 1;
  int level = IPPROTO_TCP;
  if (raw)
    level = IPPROTO_IP;
  return setsockopt(fd, level, TCP_USER_TIMEOUT, &one, sizeof one);
}

// A flag bit is found wherever it is in the flags: alone, in a macro with
// others, in a const or-ed with others, or as its number (MSG_OOB is 1).
void flag_bits(int fd) {
  char c = '!';
  send(fd, &c, 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
  send(fd, &c, 1, URGENT_FLAGS);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
  send(fd, &c, 1, kUrgent | MSG_NOSIGNAL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
  send(fd, &c, 1, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
}

// Does not match flags without the bit, however many others they have.
void negative_flags_without_the_bit(int fd) {
  char c = '!';
  send(fd, &c, 1, MSG_DONTWAIT | MSG_NOSIGNAL | MSG_MORE);
}

// A string: the literal, a macro, a `const char[]`, and a local pointer the
// function never changes.
int strings(const char *name) {
  const char *local = "tcp";
  struct servent *a = getservbyname(name, "tcp");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: remark: getservbyname() looks up the TCP entry{{.*}} [sctp-lookup-servbyname]
  struct servent *b = getservbyname(name, PROTO_NAME);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: remark: getservbyname() looks up the TCP entry{{.*}} [sctp-lookup-servbyname]
  struct servent *c = getservbyname(name, kProto);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: remark: getservbyname() looks up the TCP entry{{.*}} [sctp-lookup-servbyname]
  struct servent *d = getservbyname(name, local);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: remark: getservbyname() looks up the TCP entry{{.*}} [sctp-lookup-servbyname]
  return !!a + !!b + !!c + !!d;
}

// Does not match another string, a string known only at run time, an array
// the function writes to, or a string that merely starts the same.
int negative_strings(const char *name, const char *proto) {
  char changing[8] = "tcp";
  changing[0] = 'u';
  return getservbyname(name, "udp") != 0 || getservbyname(name, proto) != 0 ||
         getservbyname(name, changing) != 0 || getservbyname(name, "tcp6") != 0;
}
