// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netdb.h>

// A test for IPPROTO_TCP assumes the protocol the port changes.
int is_tcp(const struct addrinfo *ai) {
  return ai->ai_protocol == IPPROTO_TCP;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: compares ai_protocol with IPPROTO_TCP{{.*}} [sctp-protocol-compare-ai-protocol]
}

int skip_non_tcp(const struct addrinfo *ai) {
  if (6 != ai->ai_protocol)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: compares ai_protocol with IPPROTO_TCP{{.*}} [sctp-protocol-compare-ai-protocol]
    return 1;
  return 0;
}

// Does not report other protocols, other members, or assignments.
int negative(struct addrinfo *hints, const struct addrinfo *ai, int proto) {
  hints->ai_protocol = IPPROTO_TCP;
  return ai->ai_protocol == IPPROTO_UDP || ai->ai_socktype == 6 ||
         ai->ai_protocol == proto;
}
