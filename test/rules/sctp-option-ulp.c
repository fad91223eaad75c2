// RUN: %check_sctpify %s %t
// No upper-layer protocol attaches to SCTP, kernel TLS included: a program
// that set TCP_ULP "tls" must do TLS itself, never fall back to plaintext.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  char ulp[16] = "tls";
  socklen_t len = sizeof ulp;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_ULP, "tls", sizeof "tls");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_ULP attaches an upper-layer protocol (kernel TLS, ...) to a TCP socket; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and no ULP, kTLS included, exists for SCTP [sctp-option-ulp]
  // CHECK-MESSAGES: note: do TLS in user space, or DTLS over SCTP (RFC 6083) with a user-space library; do not fall back to plaintext
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_ULP, "tls", sizeof "tls");
  getsockopt(fd, IPPROTO_TCP, TCP_ULP, ulp, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_ULP attaches{{.*}} [sctp-option-ulp]
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_PEERSEC has the same
// number (31) as TCP_ULP.
int negative_other_level(int fd) {
  char label[64];
  socklen_t len = sizeof label;
  return getsockopt(fd, SOL_SOCKET, SO_PEERSEC, label, &len);
}
