// RUN: %check_sctpify %s %t
// There is no urgent mark on an SCTP socket: sockatmark() returns -1
// (ENOTTY), which a truth test reads as "at the mark".
// Descriptor origins are the engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

int drain_to_mark_on_converted_socket(void) {
  char buf[64];
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  while (!sockatmark(fd))
    // CHECK-MESSAGES: :[[@LINE-1]]:11: error: sockatmark() tests the TCP urgent-data mark; on an SCTP socket it returns -1 with errno ENOTTY (there is no mark), which an 'if (sockatmark(fd))' reads as true [sctp-oob-sockatmark]
    // CHECK-MESSAGES: note: drop the mark logic: with SCTP the urgent signal is a message of its own, identified by its stream or PPID
    // CHECK-FIXES: while (!sockatmark(fd))
    if (recv(fd, buf, sizeof buf, 0) <= 0)
      return -1;
  return 0;
}
