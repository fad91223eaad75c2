// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
// The helper for sockets decided at run time (below) follows the includes,
// once, guarded so that copies in a header and a file that includes it do
// not clash.
// CHECK-FIXES: #include <netinet/in.h>
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_SOCKET_DEFINED
// CHECK-FIXES-NEXT: #define SCTPIFY_SOCKET_DEFINED
// CHECK-FIXES: static inline int sctpify_socket(int domain, int type, int protocol) {
// CHECK-FIXES: #endif

// Values decide, never spellings: every way of writing a TCP stream socket
// over IPv4 or IPv6 is found.
#define LISTEN_FAMILY AF_INET6
#define DEFAULT_PROTOCOL 0
enum { kTcpProtocol = 6 };
static const int kFamily = PF_INET;
static const int kStreamType = SOCK_STREAM | SOCK_NONBLOCK;

int literal_arguments(void) {
  return socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket: it becomes an SCTP one-to-one socket, which takes the same calls (bind, listen, accept, connect, send, recv) [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
}

int ipv6_protocol_named(void) {
  return socket(PF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(PF_INET6, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: return socket(PF_INET6, SOCK_STREAM, IPPROTO_SCTP);
}

int type_with_flags(void) {
  return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 6);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_SCTP);
}

int macros_enumerators_and_consts(void) {
  int a = socket(LISTEN_FAMILY, SOCK_STREAM, DEFAULT_PROTOCOL);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int a = socket(LISTEN_FAMILY, SOCK_STREAM, IPPROTO_SCTP);
  int b = socket(kFamily, kStreamType, kTcpProtocol);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int b = socket(kFamily, kStreamType, IPPROTO_SCTP);
  int c = (socket)(AF_INET, (SOCK_STREAM), (0));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int c = (socket)(AF_INET, (SOCK_STREAM), IPPROTO_SCTP);
  return a + b + c;
}

// A call written inside a macro *argument* is spelled in this file and is
// rewritten there.
#define CHECKED(call) ((call) < 0 ? -1 : (call))
int inside_macro_argument(void) {
  return CHECKED(socket(AF_INET, SOCK_STREAM, 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: return CHECKED(socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP));
}

// A call spelled inside a macro body is one text for every expansion: when
// every expansion makes a TCP socket, the definition is rewritten, once.
#define OPEN_TCP() socket(AF_INET, SOCK_STREAM, 0)
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: TCP stream socket{{.*}}; it is spelled inside macro OPEN_TCP, whose every expansion matches, so its definition is rewritten [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form: socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
// CHECK-FIXES: #define OPEN_TCP() socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
int inside_macro_body(void) { return OPEN_TCP() + OPEN_TCP(); }

// Does not rewrite a definition when one of its expansions is not TCP: each
// expansion that is gets reported, with the macro's name and definition.
#define OPEN_STREAM(family) socket(family, SOCK_STREAM, 0)
// CHECK-FIXES: #define OPEN_STREAM(family) socket(family, SOCK_STREAM, 0)
int mixed_macro_expansions(void) {
  int inet = OPEN_STREAM(AF_INET);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: TCP stream socket{{.*}}; the call is spelled inside macro OPEN_STREAM defined at {{.*}}:[[@LINE-4]], and not every expansion of it matches: port it by hand [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  int local = OPEN_STREAM(AF_UNIX);
  return inet + local;
}

// An argument only known at run time is decided at run time, by a helper
// that makes an SCTP socket exactly where the call makes a TCP stream socket
// and the original one otherwise.
int runtime_type(int type) {
  return socket(AF_INET, type, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(AF_INET, type, 0)
  // CHECK-FIXES: return sctpify_socket(AF_INET, type, 0);
}

struct endpoint { int family; int protocol; };
int runtime_family_and_protocol(const struct endpoint *ep) {
  return socket(ep->family, SOCK_STREAM, ep->protocol);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: return sctpify_socket(ep->family, SOCK_STREAM, ep->protocol);
}

// An argument with effects is evaluated once, as before: the helper takes
// the arguments the call took.
int next_family(void);
int runtime_with_effects(void) {
  return socket(next_family(), SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(next_family(), SOCK_STREAM, 0)
  // CHECK-FIXES: return sctpify_socket(next_family(), SOCK_STREAM, 0);
}

// Does not report a run-time value when a constant argument already rules the
// call out: a Unix-domain socket stays one whatever its type.
int runtime_but_unix(int type) { return socket(AF_UNIX, type, 0); }

// Never touches Unix-domain, datagram, raw, seqpacket or SCTP sockets.
int not_tcp(void) {
  int fds[2];
  int n = socket(AF_UNIX, SOCK_STREAM, 0) + socket(AF_LOCAL, SOCK_STREAM, 0);
  n += socket(AF_INET, SOCK_DGRAM, 0) + socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
  n += socket(AF_INET, SOCK_RAW, IPPROTO_TCP);
  n += socket(AF_INET, SOCK_SEQPACKET, 0);
  n += socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  n += socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 132);
  n += socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
  return n;
}
// CHECK-FIXES: int n = socket(AF_UNIX, SOCK_STREAM, 0) + socket(AF_LOCAL, SOCK_STREAM, 0);
// CHECK-FIXES: n += socket(AF_INET, SOCK_RAW, IPPROTO_TCP);
