// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netdb.h>

// getprotobyname("tcp") yields 6; sctpify cannot tell where that number goes
// in general. Here it reaches socket(), whose protocol is then decided at run
// time.
int open_by_name(void) {
  struct protoent *pe = getprotobyname("tcp");
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: getprotobyname("tcp") yields IPPROTO_TCP (6){{.*}} [sctp-lookup-protobyname]
  return socket(AF_INET, SOCK_STREAM, pe ? pe->p_proto : 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: return sctpify_socket(AF_INET, SOCK_STREAM, pe ? pe->p_proto : 0);
}

// Does not report other protocols or a name known only at run time.
int negative(const char *name) {
  return getprotobyname("udp") != 0 || getprotobyname("sctp") != 0 ||
         getprotobyname(name) != 0;
}
