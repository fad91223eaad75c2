// RUN: %check_sctpify %s %t
// SCTP has no half-closed state: shutdown(SHUT_WR) shuts the whole
// association down, and a reply sent after the request's end never arrives.
// Only SHUT_WR belongs to this rule.
// Spellings of `how` and descriptor origins are the engine's, tested once in
// test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

long request_then_read_on_converted_socket(const char *req, unsigned long len, char *reply) {
  int fd = socket(PF_INET, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(PF_INET, SOCK_STREAM, IPPROTO_SCTP);
  send(fd, req, len, 0);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes a TCP connection; SCTP has no half-closed state: SHUT_WR starts the graceful SHUTDOWN of the whole association, and once the peer reads end-of-file its send() fails with EPIPE, so a reply sent after the request's end never arrives [sctp-half-close]
  // CHECK-MESSAGES: note: mark the end of a request in the data (a length prefix, or one SCTP message per request, since SCTP keeps message boundaries), read the whole reply, then close(); keep shutdown(SHUT_WR) only where nothing more is expected from the peer
  // CHECK-FIXES: shutdown(fd, SHUT_WR);
  return recv(fd, reply, 512, MSG_WAITALL);
}

// Does not match SHUT_RD (no protocol action in SCTP either) or SHUT_RDWR
// (the whole association closes, as the caller asked).
int negative_other_directions(int fd) {
  return shutdown(fd, SHUT_RD) + shutdown(fd, SHUT_RDWR);
}
