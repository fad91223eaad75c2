// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>

// SCTP has no urgent data: a byte sent with MSG_OOB arrives in-band.
#define URGENT_FLAGS (MSG_OOB | MSG_DONTWAIT)
static const int kUrgent = MSG_OOB;

void send_urgent(int fd, char cmd) {
  send(fd, &cmd, 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data; SCTP has no urgent data{{.*}} [sctp-oob-send]
  send(fd, &cmd, 1, URGENT_FLAGS);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
  send(fd, &cmd, 1, kUrgent | MSG_NOSIGNAL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
}

long sendto_urgent(int fd, const struct sockaddr_in *to) {
  char cmd = '!';
  return sendto(fd, &cmd, 1, 1, (const struct sockaddr *)to, sizeof *to);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
}

// On a socket sctpify converts in the same function.
int converted_socket(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  send(fd, "!", 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
  // CHECK-FIXES: send(fd, "!", 1, MSG_OOB);
  return fd;
}

// Does not report ordinary flags, flags known only at run time, or a
// Unix-domain socket, which has no urgent data to lose.
void negative(int fd, int flags) {
  send(fd, "x", 1, 0);
  send(fd, "x", 1, MSG_DONTWAIT | MSG_NOSIGNAL);
  send(fd, "x", 1, flags);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  send(local, "x", 1, MSG_OOB);
}
