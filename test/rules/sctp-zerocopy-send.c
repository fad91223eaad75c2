// RUN: %check_sctpify %s %t --disable=sctp-stream-send
// (sctp-stream-send also speaks of every send(); sctp-stream-send.c tests it.)
// MSG_ZEROCOPY copies on SCTP and never produces the completion a program
// waits for before reusing its buffer. send() and sendto() belong to this
// rule (sendmsg() to sctp-zerocopy-sendmsg).
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

void on_converted_socket(const void *buf, unsigned long len, const struct sockaddr_in6 *to) {
  int fd = socket(AF_INET6, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  send(fd, buf, len, MSG_ZEROCOPY);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: MSG_ZEROCOPY needs SO_ZEROCOPY, which SCTP refuses: the data is copied and no completion notification ever arrives on the error queue, so code that waits for one before reusing the buffer waits forever [sctp-zerocopy-send]
  // CHECK-MESSAGES: note: drop MSG_ZEROCOPY and the MSG_ERRQUEUE completion handling; the buffer is free as soon as send() returns
  // CHECK-FIXES: send(fd, buf, len, MSG_ZEROCOPY);
  sendto(fd, buf, len, MSG_ZEROCOPY | MSG_DONTWAIT, (const struct sockaddr *)to, sizeof *to);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: MSG_ZEROCOPY needs SO_ZEROCOPY{{.*}} [sctp-zerocopy-send]
}

// Does not match flags without MSG_ZEROCOPY, nor a UDP socket, where
// zero-copy works.
long negative(int fd, const void *buf, unsigned long len) {
  int udp = socket(AF_INET, SOCK_DGRAM, 0);
  return send(fd, buf, len, MSG_NOSIGNAL) + send(udp, buf, len, MSG_ZEROCOPY);
}
