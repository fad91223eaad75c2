// RUN: %check_sctpify %s %t
// SCTP's handshake always uses a state cookie.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int ct = 0;
  socklen_t len = sizeof ct;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_COOKIE_TRANSACTIONS, &ct, sizeof ct);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_COOKIE_TRANSACTIONS is a TCP-level option (removed from Linux in 3.10); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP); SCTP's four-way handshake always uses a signed state cookie [sctp-option-cookie-transactions]
  // CHECK-MESSAGES: note: drop the option: SCTP's INIT/INIT-ACK/COOKIE-ECHO handshake keeps no server state before the cookie returns; its lifetime is sasoc_cookie_life in SCTP_ASSOCINFO
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_COOKIE_TRANSACTIONS, &ct, sizeof ct);
  getsockopt(fd, IPPROTO_TCP, TCP_COOKIE_TRANSACTIONS, &ct, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_COOKIE_TRANSACTIONS is a TCP-level option (removed from Linux in 3.10){{.*}} [sctp-option-cookie-transactions]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_COOKIE_TRANSACTIONS, &ct, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_REUSEPORT has the same
// number (15) as TCP_COOKIE_TRANSACTIONS.
int negative_other_level(int fd) {
  int ct = 0;
  return setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &ct, sizeof ct);
}
