// RUN: %check_sctpify %s %t
// A call in a macro body whose port is decided at run time (its descriptor
// is a parameter) is one text too: the definition takes the run-time form
// when every expansion asks for the same text. Where one expansion's port is
// unconditional and another's is decided at run time, the two texts differ
// and no definition serves both: each expansion is left for review, with
// its own form in the note.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#define READ_HEADER(fd, h) recv(fd, h, sizeof h, MSG_WAITALL)
// CHECK-MESSAGES: :[[@LINE-1]]:28: error: MSG_WAITALL asks for every byte{{.*}}; it is spelled inside macro READ_HEADER, whose every expansion matches, so its definition is rewritten; whether it applies is only known at run time, so the port decides there [sctp-stream-recv-waitall]
// CHECK-MESSAGES: note: SCTP form: sctpify_recv(fd, h, sizeof h, MSG_WAITALL)
// CHECK-FIXES: #define READ_HEADER(fd, h) sctpify_recv(fd, h, sizeof h, MSG_WAITALL)
long header_of(int fd) {
  char h[8];
  return READ_HEADER(fd, h);
}
long header_of_peer(int peer) {
  char h[8];
  return READ_HEADER(peer, h);
}

#define NO_DELAY(fd, on) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on)
// CHECK-FIXES: #define NO_DELAY(fd, on) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on)
int connect_fast(void) {
  int on = 1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  return NO_DELAY(fd, on);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_NODELAY{{.*}}; the call is spelled inside macro NO_DELAY defined at {{.*}}:[[@LINE-8]], and not every expansion of it can be ported in the definition: port it by hand [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof on)
}
int set_fast(int fd) {
  int on = 1;
  return NO_DELAY(fd, on);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP_NODELAY{{.*}}; the call is spelled inside macro NO_DELAY defined at {{.*}}:[[@LINE-14]], and not every expansion of it can be ported in the definition: port it by hand [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on)
}
