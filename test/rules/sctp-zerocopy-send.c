// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// MSG_ZEROCOPY copies on SCTP and never produces a completion notification.
long send_zerocopy(int fd, const void *buf, unsigned long len) {
  return send(fd, buf, len, MSG_ZEROCOPY);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_ZEROCOPY needs SO_ZEROCOPY, which SCTP refuses{{.*}} [sctp-zerocopy-send]
}

long sendto_zerocopy(int fd, const void *buf, unsigned long len, const struct sockaddr_in6 *to) {
  return sendto(fd, buf, len, MSG_ZEROCOPY | MSG_DONTWAIT, (const struct sockaddr *)to, sizeof *to);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_ZEROCOPY needs SO_ZEROCOPY{{.*}} [sctp-zerocopy-send]
}

// Does not report ordinary flags, run-time flags, or a UDP socket.
long negative(int fd, const void *buf, unsigned long len, int flags) {
  long n = send(fd, buf, len, MSG_NOSIGNAL) + send(fd, buf, len, flags);
  int udp = socket(AF_INET, SOCK_DGRAM, 0);
  return n + send(udp, buf, len, MSG_ZEROCOPY);
}
