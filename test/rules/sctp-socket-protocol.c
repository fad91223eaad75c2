// RUN: %check_sctpify %s %t
// A TCP stream socket over IPv4 or IPv6 becomes an SCTP one-to-one socket:
// the protocol argument becomes IPPROTO_SCTP. Everything else socket() can
// make is left alone. The spellings of a value, macros, and the run-time
// helper in general are the engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
// The helper for sockets decided at run time (below) follows the includes,
// once. (Where IPPROTO_SCTP is not declared, <netinet/in.h> is added first:
// test/headers/.)
// CHECK-FIXES: #include <netinet/in.h>
// CHECK-FIXES-NEXT: #ifndef SCTPIFY_SOCKET_DEFINED
// CHECK-FIXES-NEXT: #define SCTPIFY_SOCKET_DEFINED
// CHECK-FIXES: static inline int sctpify_socket(int domain, int type, int protocol) {
// CHECK-FIXES-NEXT:   int stream = (type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) == SOCK_STREAM;
// CHECK-FIXES-NEXT:   if ((domain == AF_INET || domain == AF_INET6) && stream &&
// CHECK-FIXES-NEXT:       (protocol == 0 || protocol == IPPROTO_TCP))
// CHECK-FIXES-NEXT:     protocol = IPPROTO_SCTP;
// CHECK-FIXES-NEXT:   return socket(domain, type, protocol);
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: #endif

// IPv4 or IPv6; protocol 0 (the default, TCP for a stream) or IPPROTO_TCP.
int ipv4_default_protocol(void) {
  return socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket: it becomes an SCTP one-to-one socket, which takes the same calls (bind, listen, accept, connect, send, recv) [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
}

int ipv6_protocol_named(void) {
  return socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: return socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
}

// SOCK_NONBLOCK and SOCK_CLOEXEC are flags on the type, kept as written.
int type_with_flags(void) {
  return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_SCTP)
  // CHECK-FIXES: return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_SCTP);
}

// A family known only at run time: the helper makes an SCTP socket exactly
// where the call makes a TCP stream socket, and the original one otherwise.
int family_at_run_time(int family) {
  return socket(family, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(family, SOCK_STREAM, 0)
  // CHECK-FIXES: return sctpify_socket(family, SOCK_STREAM, 0);
}

// Does not touch Unix-domain sockets (AF_UNIX, AF_LOCAL) or a socketpair:
// they have nothing to do with TCP.
int negative_local(void) {
  int fds[2];
  return socket(AF_UNIX, SOCK_STREAM, 0) + socket(AF_LOCAL, SOCK_STREAM, 0) +
         socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
}

// Does not touch datagram, raw or seqpacket sockets, even over IP and even
// with IPPROTO_TCP as the raw socket's protocol: only a stream is TCP.
int negative_not_a_stream(void) {
  return socket(AF_INET, SOCK_DGRAM, 0) + socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) +
         socket(AF_INET, SOCK_RAW, IPPROTO_TCP) + socket(AF_INET, SOCK_SEQPACKET, 0);
}

// Does not touch a stream socket that already is SCTP, however written.
int negative_already_sctp(void) {
  return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP) +
         socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 132);
}

// Does not decide at run time what a constant argument already rules out: a
// Unix-domain socket stays one whatever its type.
int negative_run_time_type_but_unix(int type) { return socket(AF_UNIX, type, 0); }
