// RUN: %check_sctpify %s %t
// ioctl(FIONREAD) on an SCTP socket gives the length of the next message
// only: reading that many bytes works, but waiting until it reaches a count
// that spans several messages never ends. There is no drop-in form: a
// remark, never changed. FIONREAD under either name (SIOCINQ) belongs to
// this rule.
// Request spellings and descriptor origins are the engine's, tested once in
// test/engine/.
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <unistd.h>

// Both names on a socket sctpify converts.
int on_converted_socket(void) {
  int pending = 0;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  ioctl(fd, FIONREAD, &pending);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: FIONREAD (SIOCINQ) on an SCTP socket gives the length of the next message only: reading that many bytes works, but waiting until it reaches a count that spans several messages never ends [sctp-stream-inq]
  // CHECK-MESSAGES: note: read what FIONREAD reports and count the bytes in the program, rather than waiting for FIONREAD to reach a total
  // CHECK-FIXES: {{^}}  ioctl(fd, FIONREAD, &pending);
  while (ioctl(fd, SIOCINQ, &pending) == 0 && pending < 512)
    // CHECK-MESSAGES: :[[@LINE-1]]:10: remark: FIONREAD (SIOCINQ){{.*}} [sctp-stream-inq]
    // CHECK-FIXES: {{^}}  while (ioctl(fd, SIOCINQ, &pending) == 0 && pending < 512)
    continue;
  return pending;
}

// A descriptor passed in may hold a converted socket: reported the same way.
int on_parameter(int fd, int *pending) {
  return ioctl(fd, FIONREAD, pending);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: remark: FIONREAD (SIOCINQ){{.*}} [sctp-stream-inq]
}

// Does not match a pipe, which sctpify never converts.
int negative_pipe(void) {
  int p[2], pending = 0;
  pipe(p);
  return ioctl(p[0], FIONREAD, &pending);
}

// Does not match other requests: FIONBIO works on SCTP, and SIOCOUTQ is
// sctp-stream-outq's.
int negative_other_requests(int fd) {
  int n = 0;
  ioctl(fd, FIONBIO, &n);
  return ioctl(fd, SIOCOUTQ, &n);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: SIOCOUTQ (TIOCOUTQ){{.*}} [sctp-stream-outq]
  // CHECK-FIXES: return sctpify_ioctl_outq(fd, SIOCOUTQ, &n);
}
