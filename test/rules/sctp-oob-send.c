// RUN: %check_sctpify %s %t --disable=sctp-stream-send
// (sctp-stream-send also speaks of every send(); sctp-stream-send.c tests it.)
// SCTP has no urgent data: a byte sent with MSG_OOB arrives in-band, as
// ordinary data. send() and sendto() belong to this rule (sendmsg() to
// sctp-oob-sendmsg); MSG_OOB counts wherever it is among the flags.
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

void on_converted_socket(const struct sockaddr_in *to) {
  char cmd = '!';
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  send(fd, &cmd, 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data; SCTP has no urgent data: the call succeeds and the byte arrives in-band, as ordinary data, with no SIGURG at the peer [sctp-oob-send]
  // CHECK-MESSAGES: note: send the signal as a message of its own that the receiver can tell apart, e.g. sctp_sendmsg() on a dedicated stream or with a distinct PPID, with SCTP_UNORDERED so it is not held behind earlier data
  // CHECK-FIXES: send(fd, &cmd, 1, MSG_OOB);
  sendto(fd, &cmd, 1, MSG_OOB | MSG_DONTWAIT, (const struct sockaddr *)to, sizeof *to);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
}

// Does not match flags without MSG_OOB.
void negative_ordinary_flags(int fd) {
  send(fd, "x", 1, 0);
  sendto(fd, "x", 1, MSG_DONTWAIT | MSG_NOSIGNAL, 0, 0);
}
