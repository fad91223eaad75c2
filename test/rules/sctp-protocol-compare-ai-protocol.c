// RUN: %check_sctpify %s %t
// getaddrinfo() keeps reporting IPPROTO_TCP for stream results, while the
// converted socket is SCTP: a test of ai_protocol against IPPROTO_TCP no
// longer means what it meant. Either operand order, == or !=.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netdb.h>

int is_tcp(const struct addrinfo *ai) {
  return ai->ai_protocol == IPPROTO_TCP;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: compares ai_protocol with IPPROTO_TCP: the converted socket is IPPROTO_SCTP (132), while getaddrinfo() still reports IPPROTO_TCP (6) for SOCK_STREAM results unless the hints ask for IPPROTO_SCTP [sctp-protocol-compare-ai-protocol]
  // CHECK-MESSAGES: note: decide what the test means: to pick stream results, test ai_socktype == SOCK_STREAM; to describe the socket you create, use IPPROTO_SCTP
  // CHECK-FIXES: return ai->ai_protocol == IPPROTO_TCP;
}

int skip_non_tcp(const struct addrinfo *ai) {
  if (6 != ai->ai_protocol)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: compares ai_protocol with IPPROTO_TCP{{.*}} [sctp-protocol-compare-ai-protocol]
    return 1;
  return 0;
}

// Does not match other protocols, other members, a protocol known only at
// run time, or an assignment (hints that ask for TCP are another matter).
int negative(struct addrinfo *hints, const struct addrinfo *ai, int proto) {
  hints->ai_protocol = IPPROTO_TCP;
  return ai->ai_protocol == IPPROTO_UDP || ai->ai_socktype == 6 ||
         ai->ai_protocol == proto;
}
