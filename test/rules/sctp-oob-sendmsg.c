// RUN: %check_sctpify %s %t --disable=sctp-stream-send
// (sctp-stream-send also speaks of every send(); sctp-stream-send.c tests it.)
// SCTP has no urgent data: data sent with sendmsg(MSG_OOB) arrives in-band.
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

void on_converted_socket(const struct msghdr *msg) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  sendmsg(fd, msg, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data; SCTP has no urgent data: sendmsg() succeeds and the data arrives in-band, as ordinary data, with no SIGURG at the peer [sctp-oob-sendmsg]
  // CHECK-MESSAGES: note: send the signal as a message of its own on a dedicated stream or with a distinct PPID (struct sctp_sndinfo in an SCTP_SNDINFO control message), with SCTP_UNORDERED so it is not held behind earlier data
  // CHECK-FIXES: sendmsg(fd, msg, MSG_OOB);
  sendmsg(fd, msg, MSG_DONTWAIT | MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-sendmsg]
}

// Does not match flags without MSG_OOB.
long negative_ordinary_flags(int fd, const struct msghdr *msg) {
  return sendmsg(fd, msg, MSG_NOSIGNAL);
}
