// RUN: %check_sctpify %s %t
// SO_PROTOCOL reports IPPROTO_SCTP on a converted socket: a comparison with
// IPPROTO_TCP takes the non-TCP path. Only the SO_PROTOCOL query belongs to
// this rule.
// Descriptor origins are the engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

int is_tcp_on_converted_socket(void) {
  int proto = 0;
  socklen_t len = sizeof proto;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SO_PROTOCOL reports IPPROTO_SCTP (132) on a converted socket; code that compares the result with IPPROTO_TCP (6) takes its non-TCP path [sctp-protocol-compare-so-protocol]
  // CHECK-MESSAGES: note: accept IPPROTO_SCTP wherever the result is compared with IPPROTO_TCP
  // CHECK-FIXES: getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len);
  return proto == IPPROTO_TCP;
}

// Does not match other socket-level queries (SO_TYPE stays SOCK_STREAM), nor
// an option name known only at run time.
int negative_other_queries(int fd, int opt) {
  int v = 0;
  socklen_t len = sizeof v;
  return getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len) |
         getsockopt(fd, SOL_SOCKET, opt, &v, &len);
}
