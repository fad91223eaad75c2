// RUN: %check_sctpify %s %t
// The TCP entry's port is right for SCTP; switching to "sctp" would make
// the lookup fail, so this is a flag that tells the reader to keep it.
// Spellings of the string (macros, `const char[]`) are the engine's, tested
// once in test/engine/values.c.
#include <stddef.h>
#include <netdb.h>

int http_port(void) {
  struct servent *se = getservbyname("http", "tcp");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: remark: getservbyname() looks up the TCP entry: its s_port is the port an SCTP port of the program uses as well, but do not change "tcp" to "sctp": /etc/services has almost no sctp entries (Debian 12: only amqp), so the lookup would return NULL [sctp-lookup-servbyname]
  // CHECK-MESSAGES: note: keep "tcp" (or pass NULL for any protocol) and use s_port with the SCTP socket; if s_proto is used to choose the protocol, use IPPROTO_SCTP instead
  // CHECK-FIXES: struct servent *se = getservbyname("http", "tcp");
  return se ? se->s_port : 0;
}

// Does not match other protocols, NULL (any protocol), or "sctp".
int negative(const char *name) {
  return getservbyname(name, "udp") != 0 || getservbyname(name, NULL) != 0 ||
         getservbyname(name, "sctp") != 0;
}
