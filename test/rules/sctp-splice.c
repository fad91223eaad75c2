// RUN: %check_sctpify %s %t
// splice() into a socket works on SCTP but copies, and splits the data into
// messages; it is reported for review. Only the output descriptor decides.
// Descriptor origins are the engine's, tested once in test/engine/.
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>

long pipe_to_converted_socket(int pipe_rd, unsigned long len) {
  int sock = socket(AF_INET6, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int sock = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  return splice(pipe_rd, NULL, sock, NULL, len, SPLICE_F_MOVE | SPLICE_F_MORE);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: remark: splice() into an SCTP socket works but is not zero-copy: SCTP has no sendpage/splice path, so the kernel copies the data, and each piece it hands over becomes a separate SCTP message [sctp-splice]
  // CHECK-MESSAGES: note: keep it where throughput allows; a reader that loops on recv() sees the same bytes, but one that expects one message per splice must reassemble
  // CHECK-FIXES: return splice(pipe_rd, NULL, sock, NULL, len, SPLICE_F_MOVE | SPLICE_F_MORE);
}

// Does not match a splice out of a socket into a pipe: only the output
// descriptor decides.
long negative_socket_is_the_input(int sock) {
  int fds[2];
  pipe(fds);
  return splice(sock, NULL, fds[1], NULL, 4096, 0);
}
