// RUN: %check_sctpify %s %t
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>

// splice() into a socket works on SCTP but copies; it is reported for review.
long pipe_to_socket(int pipe_rd, int sock, unsigned long len) {
  return splice(pipe_rd, NULL, sock, NULL, len, SPLICE_F_MOVE | SPLICE_F_MORE);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: splice() into an SCTP socket works but is not zero-copy{{.*}} [sctp-splice]
}

long converted_socket(int pipe_rd) {
  int sock = socket(AF_INET6, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int sock = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  return splice(pipe_rd, NULL, sock, NULL, 65536, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: splice() into an SCTP socket{{.*}} [sctp-splice]
}

// Does not report a splice whose output is a pipe or a file: only the output
// descriptor decides.
long negative(int sock) {
  int fds[2];
  pipe(fds);
  long n = splice(sock, NULL, fds[1], NULL, 4096, 0);
  int out = open("copy.bin", O_WRONLY | O_CREAT, 0600);
  return n + splice(fds[0], NULL, out, NULL, 4096, 0);
}
