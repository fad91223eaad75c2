// RUN: %check_sctpify %s %t
// SO_ZEROCOPY is refused (EOPNOTSUPP) on SCTP sockets; it is TCP/UDP-only.
// Spellings of the option and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

int on_converted_socket(void) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: SO_ZEROCOPY is TCP/UDP-only; on an SCTP socket setsockopt fails with EOPNOTSUPP and MSG_ZEROCOPY sends copy [sctp-zerocopy-sockopt]
  // CHECK-MESSAGES: note: drop SO_ZEROCOPY and MSG_ZEROCOPY; reuse a buffer as soon as send() returns
  // CHECK-FIXES: setsockopt(fd, SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one);
  return fd;
}

// Does not match on a UDP socket: zero-copy still works there.
int negative_udp_socket(void) {
  int one = 1;
  int udp = socket(AF_INET, SOCK_DGRAM, 0);
  return setsockopt(udp, SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one);
}

// Does not match level IPPROTO_IP with the same number (60).
int negative_other_level(int fd) {
  int one = 1;
  return setsockopt(fd, IPPROTO_IP, 60, &one, sizeof one);
}
