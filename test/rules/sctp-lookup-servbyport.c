// RUN: %check_sctpify %s %t
#include <stddef.h>
#include <netdb.h>
#include <arpa/inet.h>

// The TCP entry names the SCTP port as well; "sctp" entries hardly exist.
const char *service_name(int port) {
  struct servent *se = getservbyport(htons(port), "tcp");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: getservbyport() looks up the TCP entry{{.*}} [sctp-lookup-servbyport]
  return se ? se->s_name : "?";
}

// Does not report other protocols, NULL, or a protocol known only at run time.
int negative(int port, const char *proto) {
  return getservbyport(port, "udp") != 0 || getservbyport(port, NULL) != 0 ||
         getservbyport(port, proto) != 0;
}
