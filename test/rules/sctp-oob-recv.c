// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// SCTP ignores MSG_OOB on receive and hands out ordinary data instead.
char read_urgent(int fd) {
  char c = 0;
  recv(fd, &c, 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB reads TCP urgent data; SCTP ignores the flag{{.*}} [sctp-oob-recv]
  recv(fd, &c, 1, MSG_OOB | MSG_PEEK);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB reads TCP urgent data{{.*}} [sctp-oob-recv]
  return c;
}

long recvfrom_urgent(int fd) {
  char c;
  struct sockaddr_in from;
  socklen_t len = sizeof from;
  return recvfrom(fd, &c, 1, MSG_OOB, (struct sockaddr *)&from, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_OOB reads TCP urgent data{{.*}} [sctp-oob-recv]
}

// Does not report ordinary reads, run-time flags, or a Unix-domain socket.
long negative(int fd, int flags) {
  char buf[16];
  long n = recv(fd, buf, sizeof buf, 0) + recv(fd, buf, sizeof buf, MSG_PEEK | MSG_WAITALL);
  n += recv(fd, buf, sizeof buf, flags);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  return n + recv(local, buf, 1, MSG_OOB);
}
