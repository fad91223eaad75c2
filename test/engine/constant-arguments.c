// RUN: %check_sctpify %s %t
// `constant-arguments`: a rule whose deciding value is only known at run
// time in a generic wrapper says nothing there, since no single port fits
// every request the wrapper passes through (socat's Ioctl and Ioctl_int:
// an int argument would not fit sctpify_ioctl_outq's int *). With the value
// known, the descriptor may still be decided at run time.
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/sockios.h>

int Ioctl(int d, int request, void *argp) { return ioctl(d, request, argp); }
int Ioctl_int(int d, int request, int arg) { return ioctl(d, request, arg); }
// CHECK-FIXES: int Ioctl(int d, int request, void *argp) { return ioctl(d, request, argp); }
// CHECK-FIXES: int Ioctl_int(int d, int request, int arg) { return ioctl(d, request, arg); }

int queued_on_parameter(int fd) {
  int n = 0;
  ioctl(fd, SIOCOUTQ, &n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: SIOCOUTQ{{.*}} only known at run time{{.*}} [sctp-stream-outq]
  // CHECK-MESSAGES: note: SCTP form: sctpify_ioctl_outq(fd, SIOCOUTQ, &n)
  // CHECK-FIXES: sctpify_ioctl_outq(fd, SIOCOUTQ, &n);
  return n;
}
