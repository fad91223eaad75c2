// RUN: %check_sctpify %s %t
// SCTP has no half-closed state: shutdown(SHUT_WR) shuts the whole
// association down, and a reply sent after the request's end never arrives.
// Only SHUT_WR belongs to this rule, and only where the program then uses
// what it reads; reads whose data is dropped make a lingering close, which
// sctp-lingering-close ports instead.
// Spellings of `how` and descriptor origins are the engine's, tested once in
// test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <stdio.h>

long request_then_read_on_converted_socket(const char *req, unsigned long len) {
  char reply[512];
  long n;
  int fd = socket(PF_INET, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(PF_INET, SOCK_STREAM, IPPROTO_SCTP);
  send(fd, req, len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: send to a stream socket{{.*}} [sctp-stream-send]
  // CHECK-MESSAGES: note: SCTP form: sctpify_send(fd, req, len, 0)
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes a TCP connection, after which the peer may still send a reply; SCTP has no half-closed state: SHUT_WR starts the SHUTDOWN of the whole association, the peer's reply fails with EPIPE (even one written before it read end-of-file) and this side's reads fail with ENOTCONN [sctp-half-close]
  // CHECK-MESSAGES: note: mark the end of a request in the data (a length prefix, or one SCTP message per request, since SCTP keeps message boundaries), read the whole reply, then close(); keep shutdown(SHUT_WR) only where nothing more is expected from the peer
  // CHECK-FIXES: {{^}}  shutdown(fd, SHUT_WR);
  while ((n = recv(fd, reply, sizeof reply, 0)) > 0)
    fwrite(reply, 1, n, stdout);
  return n;
}

// A read into the caller's buffer is not dropped data, even where this
// function does nothing more with it: the caller reads the reply.
long read_into_callers_buffer(int fd, char *reply) {
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
  // CHECK-MESSAGES: note: mark the end of a request
  // CHECK-FIXES: {{^}}  shutdown(fd, SHUT_WR);
  return recv(fd, reply, 512, 0);
}

// Does not match SHUT_RD (no protocol action in SCTP either) or SHUT_RDWR
// (the whole association closes, as the caller asked).
int negative_other_directions(int fd) {
  return shutdown(fd, SHUT_RD) + shutdown(fd, SHUT_RDWR);
}

// Does not match a lingering close: what is read after the shutdown is
// dropped, so sctp-lingering-close reports and ports it.
void negative_lingering_close(int fd) {
  char drain[512];
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: lingering close{{.*}} [sctp-lingering-close]
  // CHECK-MESSAGES: note: SCTP form: sctpify_shutdown(fd, SHUT_WR)
  // CHECK-FIXES: sctpify_shutdown(fd, SHUT_WR);
  while (recv(fd, drain, sizeof drain, 0) > 0)
    continue;
}
