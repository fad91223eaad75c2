// RUN: %check_sctpify %s %t
// sendfile() into a socket works on SCTP but copies, and splits the data
// into messages; it is reported for review. sendfile() and sendfile64()
// belong to this rule, and only the output descriptor decides.
// Descriptor origins are the engine's, tested once in test/engine/.
#define _LARGEFILE64_SOURCE
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <stddef.h>

long on_converted_socket(int file_fd, long count) {
  off_t offset = 0;
  off64_t offset64 = 0;
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int sock = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  sendfile(sock, file_fd, &offset, count);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: sendfile() to an SCTP socket works but is not zero-copy: SCTP has no sendpage/splice path, so the kernel copies the data, and each piece it hands over becomes a separate SCTP message [sctp-sendfile]
  // CHECK-MESSAGES: note: keep it where throughput allows; a reader that loops on recv() sees the same bytes, but one that expects one message per file must reassemble
  // CHECK-FIXES: sendfile(sock, file_fd, &offset, count);
  return sendfile64(sock, file_fd, &offset64, count);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: remark: sendfile() to an SCTP socket{{.*}} [sctp-sendfile]
}

// Does not match a copy out of a socket into a file: only the output
// descriptor decides.
long negative_socket_is_the_input(int sock) {
  int out = open("copy.bin", O_WRONLY | O_CREAT, 0600);
  return sendfile(out, sock, NULL, 4096);
}
