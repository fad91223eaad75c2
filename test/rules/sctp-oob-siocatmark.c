// RUN: %check_sctpify %s %t
// ioctl(SIOCATMARK) fails with ENOTTY on an SCTP socket and leaves the
// result unset. Only that request belongs to this rule.
// Spellings of the request and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <netinet/in.h>

int at_mark_on_converted_socket(void) {
  int mark = 0;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  if (ioctl(fd, SIOCATMARK, &mark) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: error: ioctl(SIOCATMARK) tests the TCP urgent-data mark; on an SCTP socket it fails with ENOTTY and leaves the result unset [sctp-oob-siocatmark]
    // CHECK-MESSAGES: note: drop the mark logic: with SCTP the urgent signal is a message of its own, identified by its stream or PPID
    // CHECK-FIXES: if (ioctl(fd, SIOCATMARK, &mark) < 0)
    return -1;
  return mark;
}

// Does not match other requests: FIONBIO works on SCTP, and FIONREAD, which
// answers differently there, is sctp-stream-inq's.
int negative_other_requests(int fd) {
  int n = 0;
  ioctl(fd, FIONREAD, &n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: FIONREAD (SIOCINQ){{.*}} [sctp-stream-inq]
  // CHECK-MESSAGES: note: read what FIONREAD reports
  return ioctl(fd, FIONBIO, &n);
}
