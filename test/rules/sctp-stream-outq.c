// RUN: %check_sctpify %s %t
// ioctl(SIOCOUTQ) and ioctl(SIOCOUTQNSD) ask how much the send queue holds;
// an SCTP socket answers ENOTTY and leaves the count unset. Both requests
// (SIOCOUTQ under either name, TIOCOUTQ too) belong to this rule; the call
// becomes sctpify_ioctl_outq(), which makes it as written and, where an SCTP
// socket refuses it, answers with SO_MEMINFO's send-queue memory: an upper
// bound in bytes that is 0 exactly when the peer acknowledged everything.
// Request spellings and descriptor origins are the engine's, tested once in
// test/engine/.
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <fcntl.h>
// The helper: the ioctl as written first; only ENOTTY for these two requests
// on an SCTP socket is answered, from SK_MEMINFO_WMEM_QUEUED.
// CHECK-FIXES: static inline int sctpify_ioctl_outq(int fd, unsigned long request, int *bytes) {
// CHECK-FIXES-NEXT:   int r = ioctl(fd, request, bytes);
// CHECK-FIXES-NEXT:   if (r == 0 || errno != ENOTTY || (request != SIOCOUTQ && request != SIOCOUTQNSD))
// CHECK-FIXES-NEXT:     return r;
// CHECK-FIXES:   if (getsockopt(fd, SOL_SOCKET, SO_MEMINFO, info, &len) < 0)
// CHECK-FIXES-NEXT:     return errno = saved, -1;
// CHECK-FIXES-NEXT:   *bytes = info[5 /* SK_MEMINFO_WMEM_QUEUED */];

// Both requests, and the tty name of SIOCOUTQ, on a socket sctpify converts.
int on_converted_socket(void) {
  int queued = 0, unsent = 0;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  ioctl(fd, SIOCOUTQ, &queued);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: SIOCOUTQ (TIOCOUTQ) and SIOCOUTQNSD ask how much the send queue holds; on an SCTP socket the ioctl fails with ENOTTY and leaves the count unset [sctp-stream-outq]
  // CHECK-MESSAGES: note: SCTP form: sctpify_ioctl_outq(fd, SIOCOUTQ, &queued)
  // CHECK-FIXES: {{^}}  sctpify_ioctl_outq(fd, SIOCOUTQ, &queued);
  ioctl(fd, TIOCOUTQ, &queued);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: SIOCOUTQ (TIOCOUTQ){{.*}} [sctp-stream-outq]
  // CHECK-MESSAGES: note: SCTP form: sctpify_ioctl_outq(fd, TIOCOUTQ, &queued)
  // CHECK-FIXES: {{^}}  sctpify_ioctl_outq(fd, TIOCOUTQ, &queued);
  while (ioctl(fd, SIOCOUTQNSD, &unsent) == 0 && unsent > 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:10: error: SIOCOUTQ (TIOCOUTQ){{.*}} [sctp-stream-outq]
    // CHECK-MESSAGES: note: SCTP form: sctpify_ioctl_outq(fd, SIOCOUTQNSD, &unsent)
    // CHECK-FIXES: while (sctpify_ioctl_outq(fd, SIOCOUTQNSD, &unsent) == 0 && unsent > 0)
    continue;
  return queued;
}

// A descriptor passed in may hold any socket: the helper decides on the
// socket it gets.
int on_parameter(int fd, int *queued) {
  return ioctl(fd, SIOCOUTQ, queued);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: SIOCOUTQ (TIOCOUTQ){{.*}}; whether it applies is only known at run time, so the port decides there [sctp-stream-outq]
  // CHECK-MESSAGES: note: SCTP form: sctpify_ioctl_outq(fd, SIOCOUTQ, queued)
  // CHECK-FIXES: return sctpify_ioctl_outq(fd, SIOCOUTQ, queued);
}

// Does not match a terminal from open(), where TIOCOUTQ is the tty's own
// output queue.
int negative_terminal(void) {
  int queued = 0;
  int tty = open("/dev/tty", O_RDWR);
  return ioctl(tty, TIOCOUTQ, &queued);
}

// Does not match other requests: FIONBIO works on SCTP, and FIONREAD is
// sctp-stream-inq's.
int negative_other_requests(int fd) {
  int n = 0;
  ioctl(fd, FIONBIO, &n);
  return ioctl(fd, FIONREAD, &n);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: remark: FIONREAD (SIOCINQ){{.*}} [sctp-stream-inq]
  // CHECK-FIXES: {{^}}  return ioctl(fd, FIONREAD, &n);
}
