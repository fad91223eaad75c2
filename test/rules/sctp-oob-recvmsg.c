// RUN: %check_sctpify %s %t
// SCTP ignores MSG_OOB on receive: recvmsg() hands out, and consumes, the
// next ordinary data instead.
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

long on_converted_socket(struct msghdr *msg) {
  int fd = socket(AF_INET6, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  return recvmsg(fd, msg, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_OOB reads TCP urgent data; SCTP ignores the flag: recvmsg() returns, and consumes, the next ordinary data instead of failing with EINVAL [sctp-oob-recvmsg]
  // CHECK-MESSAGES: note: receive the urgent signal as an ordinary message on a dedicated stream or PPID (enable SCTP_RECVRCVINFO and read struct sctp_rcvinfo) and drop the MSG_OOB read
  // CHECK-FIXES: return recvmsg(fd, msg, MSG_OOB);
}

// Does not match reads without MSG_OOB.
long negative_ordinary_flags(int fd, struct msghdr *msg) {
  return recvmsg(fd, msg, MSG_CMSG_CLOEXEC);
}
