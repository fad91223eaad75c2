// RUN: %check_sctpify %s %t
// SCTP has no window clamp; SO_RCVBUF bounds the receive window.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int clamp = 65536;
  socklen_t len = sizeof clamp;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_WINDOW_CLAMP is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); SCTP has no window clamp (SCTP_ASSOCINFO sasoc_local_rwnd is read-only) [sctp-option-window-clamp]
  // CHECK-MESSAGES: note: bound the advertised receive window (a_rwnd) with SO_RCVBUF at level SOL_SOCKET, set before connect()/listen()
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, sizeof clamp);
  getsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_WINDOW_CLAMP is a TCP-level option{{.*}} [sctp-option-window-clamp]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, &clamp, &len);
  return fd;
}

// Does not match at level IPPROTO_IP, even though IP_MTU_DISCOVER has the same
// number (10) as TCP_WINDOW_CLAMP.
int negative_other_level(int fd) {
  int clamp = 65536;
  return setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &clamp, sizeof clamp);
}
