// RUN: %check_sctpify %s %t
// getprotobyname("tcp") yields 6; sctpify cannot tell where that number goes
// in general. Here it reaches socket(), whose protocol is then only known at
// run time: sctp-socket-protocol decides there (test/engine/run-time.c).
#include <sys/socket.h>
#include <netinet/in.h>
#include <netdb.h>

int open_by_name(void) {
  struct protoent *pe = getprotobyname("tcp");
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: getprotobyname("tcp") yields IPPROTO_TCP (6): passed to socket() it creates a TCP socket again, passed as a setsockopt() level it addresses TCP options that fail on SCTP [sctp-lookup-protobyname]
  // CHECK-MESSAGES: note: for socket(), use IPPROTO_SCTP (or getprotobyname("sctp"), which resolves to 132 from /etc/protocols); for a setsockopt() level, port the option itself (see the sctp-option-* rules)
  // CHECK-FIXES: struct protoent *pe = getprotobyname("tcp");
  return socket(AF_INET, SOCK_STREAM, pe ? pe->p_proto : 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(AF_INET, SOCK_STREAM, pe ? pe->p_proto : 0)
  // CHECK-FIXES: return sctpify_socket(AF_INET, SOCK_STREAM, pe ? pe->p_proto : 0);
}

// Does not match other protocols or a name known only at run time.
int negative(const char *name) {
  return getprotobyname("udp") != 0 || getprotobyname("sctp") != 0 ||
         getprotobyname(name) != 0;
}
