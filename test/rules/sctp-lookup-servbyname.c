// RUN: %check_sctpify %s %t
#include <stddef.h>
#include <netdb.h>

// The TCP entry's port is right for SCTP; switching to "sctp" would break it.
static const char kProto[] = "tcp";
#define PROTO "tcp"

int http_port(void) {
  struct servent *se = getservbyname("http", "tcp");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: getservbyname() looks up the TCP entry{{.*}} [sctp-lookup-servbyname]
  return se ? se->s_port : 0;
}

int other_spellings(const char *name) {
  struct servent *a = getservbyname(name, PROTO);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: getservbyname() looks up the TCP entry{{.*}} [sctp-lookup-servbyname]
  struct servent *b = getservbyname(name, kProto);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: getservbyname() looks up the TCP entry{{.*}} [sctp-lookup-servbyname]
  return (a ? a->s_port : 0) + (b ? b->s_port : 0);
}

// Does not report other protocols, NULL, or a protocol known only at run time.
int negative(const char *name, const char *proto) {
  return getservbyname(name, "udp") != 0 || getservbyname(name, NULL) != 0 ||
         getservbyname(name, proto) != 0 || getservbyname(name, "sctp") != 0;
}
