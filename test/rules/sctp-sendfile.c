// RUN: %check_sctpify %s %t
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <stddef.h>

// sendfile() into a socket works on SCTP but copies; it is reported for review.
long send_file(int sock, int file_fd, long count) {
  off_t offset = 0;
  return sendfile(sock, file_fd, &offset, count);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: sendfile() to an SCTP socket works but is not zero-copy{{.*}} [sctp-sendfile]
}

long converted_socket(int file_fd) {
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-FIXES: int sock = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  return sendfile(sock, file_fd, NULL, 4096);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: sendfile() to an SCTP socket{{.*}} [sctp-sendfile]
}

// Does not report a copy between files, or into a Unix-domain socket.
long negative(int in_fd) {
  int out = open("copy.bin", O_WRONLY | O_CREAT, 0600);
  long n = sendfile(out, in_fd, NULL, 4096);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  return n + sendfile(local, in_fd, NULL, 4096);
}
