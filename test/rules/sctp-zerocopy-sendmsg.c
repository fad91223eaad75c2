// RUN: %check_sctpify %s %t --disable=sctp-stream-send
// (sctp-stream-send also speaks of every send(); sctp-stream-send.c tests it.)
// MSG_ZEROCOPY copies on SCTP and never produces a completion notification.
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

long on_converted_socket(const struct msghdr *msg) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  return sendmsg(fd, msg, MSG_ZEROCOPY);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: MSG_ZEROCOPY needs SO_ZEROCOPY, which SCTP refuses: the data is copied and no completion notification ever arrives on the error queue, so code that waits for one before reusing the buffer waits forever [sctp-zerocopy-sendmsg]
  // CHECK-MESSAGES: note: drop MSG_ZEROCOPY and the MSG_ERRQUEUE completion handling; the buffers are free as soon as sendmsg() returns
  // CHECK-FIXES: return sendmsg(fd, msg, MSG_ZEROCOPY);
}

// Does not match flags without MSG_ZEROCOPY.
long negative_ordinary_flags(int fd, const struct msghdr *msg) {
  return sendmsg(fd, msg, MSG_DONTWAIT);
}
