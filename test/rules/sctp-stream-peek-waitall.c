// RUN: %check_sctpify %s %t
// recv(MSG_PEEK | MSG_WAITALL) waits to see len bytes without consuming
// them; on SCTP a peek returns at most the next message and cannot look past
// it, so a peek for more than one message's worth comes back short. There is
// no drop-in form: reported, never changed. Only recv() with both flags
// belongs to this rule.
// Spellings of the flags and descriptor origins are the engine's, tested
// once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

// On a socket sctpify converts, whatever other flags come with them.
long on_converted_socket(void) {
  unsigned char header[16];
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  recv(fd, header, sizeof header, MSG_PEEK | MSG_WAITALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_PEEK with MSG_WAITALL waits to see len bytes; SCTP returns at most the next message, and a peek cannot look past it [sctp-stream-peek-waitall]
  // CHECK-MESSAGES: note: peek for the part the program needs first (a length prefix or header that arrives in one message), or read and keep the bytes in a buffer of the program's own
  // CHECK-FIXES: {{^}}  recv(fd, header, sizeof header, MSG_PEEK | MSG_WAITALL);
  return recv(fd, header, sizeof header, MSG_WAITALL | MSG_NOSIGNAL | MSG_PEEK);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_PEEK with MSG_WAITALL{{.*}} [sctp-stream-peek-waitall]
  // CHECK-FIXES: {{^}}  return recv(fd, header, sizeof header, MSG_WAITALL | MSG_NOSIGNAL | MSG_PEEK);
}

// A descriptor passed in may hold a converted socket: reported the same way.
long on_parameter(int fd, char *buf) {
  return recv(fd, buf, 16, MSG_PEEK | MSG_WAITALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_PEEK with MSG_WAITALL{{.*}} [sctp-stream-peek-waitall]
}

// Does not match MSG_PEEK alone, which sees at most what is queued on TCP
// too, nor MSG_WAITALL alone (sctp-stream-recv-waitall ports that).
long negative_one_flag(int fd, char *buf) {
  recv(fd, buf, 16, MSG_PEEK);
  return recv(fd, buf, 16, MSG_WAITALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: MSG_WAITALL asks for every byte{{.*}} [sctp-stream-recv-waitall]
  // CHECK-FIXES: return sctpify_recv(fd, buf, 16, MSG_WAITALL);
}

// Does not match a Unix-domain socket, which sctpify never converts.
long negative_unix_domain(char *buf) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  return recv(sv[0], buf, 16, MSG_PEEK | MSG_WAITALL);
}
