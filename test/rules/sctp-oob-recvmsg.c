// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// SCTP ignores MSG_OOB on receive and hands out ordinary data instead.
long read_urgent(int fd, struct msghdr *msg) {
  return recvmsg(fd, msg, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_OOB reads TCP urgent data; SCTP ignores the flag: recvmsg(){{.*}} [sctp-oob-recvmsg]
}

// Does not report ordinary reads or run-time flags.
long negative(int fd, struct msghdr *msg, int flags) {
  return recvmsg(fd, msg, MSG_CMSG_CLOEXEC) + recvmsg(fd, msg, flags);
}
