// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// MSG_ZEROCOPY copies on SCTP and never produces a completion notification.
long send_zerocopy(int fd, const struct msghdr *msg) {
  return sendmsg(fd, msg, MSG_ZEROCOPY);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_ZEROCOPY needs SO_ZEROCOPY, which SCTP refuses{{.*}} [sctp-zerocopy-sendmsg]
}

// Does not report ordinary or run-time flags.
long negative(int fd, const struct msghdr *msg, int flags) {
  return sendmsg(fd, msg, MSG_DONTWAIT) + sendmsg(fd, msg, flags);
}
