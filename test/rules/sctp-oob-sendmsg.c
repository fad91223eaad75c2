// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// SCTP has no urgent data: data sent with MSG_OOB arrives in-band.
long send_urgent(int fd, const struct msghdr *msg) {
  return sendmsg(fd, msg, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_OOB sends TCP urgent data; SCTP has no urgent data: sendmsg(){{.*}} [sctp-oob-sendmsg]
}

long send_urgent_nonblocking(int fd, const struct msghdr *msg) {
  return sendmsg(fd, msg, MSG_DONTWAIT | 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-sendmsg]
}

// Does not report ordinary flags or flags known only at run time.
long negative(int fd, const struct msghdr *msg, int flags) {
  return sendmsg(fd, msg, MSG_NOSIGNAL) + sendmsg(fd, msg, flags);
}
