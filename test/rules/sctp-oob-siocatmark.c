// RUN: %check_sctpify %s %t
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <netinet/in.h>

// SIOCATMARK fails with ENOTTY on an SCTP socket.
int at_mark(int fd) {
  int mark = 0;
  if (ioctl(fd, SIOCATMARK, &mark) < 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: ioctl(SIOCATMARK) tests the TCP urgent-data mark; on an SCTP socket it fails with ENOTTY{{.*}} [sctp-oob-siocatmark]
    return -1;
  return mark;
}

int at_mark_numeric(int fd) {
  int mark = 0;
  ioctl(fd, 0x8905, &mark);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ioctl(SIOCATMARK){{.*}} [sctp-oob-siocatmark]
  return mark;
}

// Does not report other requests (FIONREAD works on SCTP) or run-time requests.
int negative(int fd, unsigned long request) {
  int n = 0;
  ioctl(fd, FIONREAD, &n);
  ioctl(fd, FIONBIO, &n);
  return ioctl(fd, request, &n);
}
