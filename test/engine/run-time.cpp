// RUN: %check_sctpify %s %t
// In C++ a template parameter is a different value in every instantiation:
// the call is decided at run time, like a run-time argument in C. A call
// written `::socket` keeps its `::`.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// AF_INET6 in one instantiation, AF_UNIX in the other.
template <int Family> int open_stream() {
  return ::socket(Family, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}}; whether it applies is only known at run time, so the port decides there [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: ::sctpify_socket(Family, SOCK_STREAM, 0)
  // CHECK-FIXES: return ::sctpify_socket(Family, SOCK_STREAM, 0);
}
int instantiations() { return open_stream<AF_INET6>() + open_stream<AF_UNIX>(); }

// Today the helper is used even when every instantiation makes a TCP
// socket; it creates the same SCTP sockets a plain rewrite would.
template <int Family> int open_inet() {
  return socket(Family, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(Family, SOCK_STREAM, 0)
  // CHECK-FIXES: return sctpify_socket(Family, SOCK_STREAM, 0);
}
int inet_only() { return open_inet<AF_INET>() + open_inet<AF_INET6>(); }

// A level that is a template parameter: TCP in one instantiation, the socket
// level in the other.
template <int Level> int set_nodelay(int fd) {
  int one = 1;
  return setsockopt(fd, Level, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: a socket option whose level or name is only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, Level, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: return sctpify_setsockopt(fd, Level, TCP_NODELAY, &one, sizeof one);
}
int levels(int fd) { return set_nodelay<IPPROTO_TCP>(fd) + set_nodelay<SOL_SOCKET>(fd); }

// Does not touch a template whose every instantiation rules the call out.
template <int Type> int open_local() { return socket(AF_UNIX, Type, 0); }
int locals() { return open_local<SOCK_STREAM>() + open_local<SOCK_DGRAM>(); }
