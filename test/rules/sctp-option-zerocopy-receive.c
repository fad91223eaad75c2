// RUN: %check_sctpify %s %t
// SCTP sockets cannot be mmap()ed, so TCP_ZEROCOPY_RECEIVE has nothing to
// map: the data must be read with recv()/recvmsg().
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Read (as programs do) and set on a socket sctpify converts: reported,
// never changed.
int on_converted_socket(void) {
  struct tcp_zerocopy_receive zc = { 0 };
  socklen_t len = sizeof zc;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  getsockopt(fd, IPPROTO_TCP, TCP_ZEROCOPY_RECEIVE, &zc, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_ZEROCOPY_RECEIVE is a TCP-level option; on an SCTP socket the call fails, and SCTP sockets cannot be mmap()ed (sock_no_mmap) [sctp-option-zerocopy-receive]
  // CHECK-MESSAGES: note: receive with recv()/recvmsg() into your own buffer
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_ZEROCOPY_RECEIVE, &zc, &len);
  setsockopt(fd, IPPROTO_TCP, TCP_ZEROCOPY_RECEIVE, &zc, sizeof zc);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_ZEROCOPY_RECEIVE is a TCP-level option{{.*}} [sctp-option-zerocopy-receive]
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_TIMESTAMPNS has the
// same number (35) as TCP_ZEROCOPY_RECEIVE.
int negative_other_level(int fd) {
  int one = 1;
  return setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
}
