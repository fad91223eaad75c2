// RUN: %check_sctpify %s %t
// The TCP entry names the SCTP port as well; "sctp" entries hardly exist.
#include <stddef.h>
#include <netdb.h>
#include <arpa/inet.h>

const char *service_name(int port) {
  struct servent *se = getservbyport(htons(port), "tcp");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: remark: getservbyport() looks up the TCP entry: the service name it returns describes the SCTP port as well, but do not change "tcp" to "sctp": /etc/services has almost no sctp entries (Debian 12: only amqp), so the lookup would return NULL [sctp-lookup-servbyport]
  // CHECK-MESSAGES: note: keep "tcp" (or pass NULL for any protocol); the name is only a label for the port number
  // CHECK-FIXES: struct servent *se = getservbyport(htons(port), "tcp");
  return se ? se->s_name : "?";
}

// Does not match other protocols, NULL (any protocol), or "sctp".
int negative(int port) {
  return getservbyport(port, "udp") != 0 || getservbyport(port, NULL) != 0 ||
         getservbyport(port, "sctp") != 0;
}
