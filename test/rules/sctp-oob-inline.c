// RUN: %check_sctpify %s %t
// SCTP accepts SO_OOBINLINE but has no urgent data to place inline: code
// that relies on it never sees an urgent byte.
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
  setsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: SO_OOBINLINE places TCP urgent data in the normal stream; SCTP accepts the option but has no urgent data, so the code that relies on it never sees an urgent byte [sctp-oob-inline]
  // CHECK-MESSAGES: note: drop the option and any urgent-data handling; carry the signal as a message of its own (dedicated stream or PPID)
  // CHECK-FIXES: setsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &one, sizeof one);
  return fd;
}

// Does not match getsockopt, which only reads the flag, nor level IPPROTO_IP,
// where the same number (10) is IP_MTU_DISCOVER.
int negative_read_or_other_level(int fd) {
  int v = 0;
  socklen_t len = sizeof v;
  getsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &v, &len);
  return setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &v, sizeof v);
}
