// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// SO_ZEROCOPY is refused (EOPNOTSUPP) on SCTP sockets.
int enable_zerocopy(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: SO_ZEROCOPY is TCP/UDP-only; on an SCTP socket setsockopt fails with EOPNOTSUPP{{.*}} [sctp-zerocopy-sockopt]
}

int converted_socket(void) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, 1, 60, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SO_ZEROCOPY is TCP/UDP-only{{.*}} [sctp-zerocopy-sockopt]
  return fd;
}

// Does not report a UDP socket (zero-copy still works there), a run-time
// level, or another level with the same number.
int negative(int level) {
  int one = 1;
  int udp = socket(AF_INET, SOCK_DGRAM, 0);
  int r = setsockopt(udp, SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one);
  r |= setsockopt(udp, level, SO_ZEROCOPY, &one, sizeof one);
  return r | setsockopt(udp, IPPROTO_IP, 60, &one, sizeof one);
}
