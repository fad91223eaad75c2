// RUN: %check_sctpify %s %t
// SCTP has no fast open: data rides at the earliest on COOKIE-ECHO. Every
// TCP Fast Open option belongs to this rule: TCP_FASTOPEN (server),
// TCP_FASTOPEN_CONNECT (client), TCP_FASTOPEN_KEY, TCP_FASTOPEN_NO_COOKIE.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read, every name, on a socket sctpify converts: reported, never
// changed.
int on_converted_socket(void) {
  int qlen = 16;
  socklen_t len = sizeof qlen;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP Fast Open option (TCP_FASTOPEN, TCP_FASTOPEN_CONNECT, TCP_FASTOPEN_KEY, TCP_FASTOPEN_NO_COOKIE); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and SCTP has no fast open: user data can ride at the earliest on COOKIE-ECHO, the third leg of the handshake [sctp-option-fastopen]
  // CHECK-MESSAGES: note: drop the option and connect() as usual; the first send() is bundled with COOKIE-ECHO when it is queued before the handshake completes
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof qlen);
  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_CONNECT, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP Fast Open option{{.*}} [sctp-option-fastopen]
  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_KEY, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP Fast Open option{{.*}} [sctp-option-fastopen]
  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN_NO_COOKIE, &qlen, sizeof qlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP Fast Open option{{.*}} [sctp-option-fastopen]
  getsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP Fast Open option{{.*}} [sctp-option-fastopen]
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_ACCEPTCONN has the same
// number (30) as TCP_FASTOPEN_CONNECT.
int negative_other_level(int fd) {
  int qlen = 16;
  socklen_t len = sizeof qlen;
  return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &qlen, &len);
}
