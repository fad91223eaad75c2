// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// SO_PROTOCOL reports IPPROTO_SCTP on a converted socket.
int is_tcp(int fd) {
  int proto = 0;
  socklen_t len = sizeof proto;
  getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SO_PROTOCOL reports IPPROTO_SCTP (132) on a converted socket{{.*}} [sctp-protocol-compare-so-protocol]
  return proto == IPPROTO_TCP;
}

// Does not report other socket-level queries, a Unix-domain socket, or a
// run-time option.
int negative(int fd, int opt) {
  int v = 0;
  socklen_t len = sizeof v;
  int r = getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len);
  r |= getsockopt(fd, SOL_SOCKET, opt, &v, &len);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  return r | getsockopt(local, SOL_SOCKET, SO_PROTOCOL, &v, &len);
}
