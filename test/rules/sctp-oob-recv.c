// RUN: %check_sctpify %s %t
// SCTP ignores MSG_OOB on receive and hands out, and consumes, ordinary data
// instead of failing. recv() and recvfrom() belong to this rule (recvmsg()
// to sctp-oob-recvmsg); MSG_OOB counts wherever it is among the flags.
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

char on_converted_socket(void) {
  char c = 0;
  struct sockaddr_in from;
  socklen_t len = sizeof from;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  recv(fd, &c, 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB reads TCP urgent data; SCTP ignores the flag: the call returns, and consumes, the next ordinary data instead of failing with EINVAL [sctp-oob-recv]
  // CHECK-MESSAGES: note: receive the urgent signal as an ordinary message (a dedicated stream or PPID, read with sctp_recvmsg() or the SCTP_RCVINFO control message) and drop the MSG_OOB read
  // CHECK-FIXES: recv(fd, &c, 1, MSG_OOB);
  recv(fd, &c, 1, MSG_OOB | MSG_PEEK);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB reads TCP urgent data{{.*}} [sctp-oob-recv]
  recvfrom(fd, &c, 1, MSG_OOB, (struct sockaddr *)&from, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB reads TCP urgent data{{.*}} [sctp-oob-recv]
  return c;
}

// Does not match reads without MSG_OOB (MSG_PEEK | MSG_WAITALL is
// sctp-stream-peek-waitall's).
long negative_ordinary_flags(int fd) {
  char buf[16];
  return recv(fd, buf, sizeof buf, 0) + recv(fd, buf, sizeof buf, MSG_PEEK | MSG_WAITALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: MSG_PEEK with MSG_WAITALL{{.*}} [sctp-stream-peek-waitall]
  // CHECK-MESSAGES: note: peek for the part
}
