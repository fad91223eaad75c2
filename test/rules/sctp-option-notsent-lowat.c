// RUN: %check_sctpify %s %t
// SCTP has no unsent-bytes low-water mark.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read on a socket sctpify converts: reported, never changed.
int on_converted_socket(void) {
  int lowat = 16384;
  socklen_t len = sizeof lowat;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NOTSENT_LOWAT is a TCP-level option; on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP), and SCTP has no unsent-bytes low-water mark [sctp-option-notsent-lowat]
  // CHECK-MESSAGES: note: limit queued data with a smaller SO_SNDBUF (SCTP's writability follows free send-buffer space), or track sstat_penddata/sstat_unackdata from SCTP_STATUS
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat);
  getsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NOTSENT_LOWAT is a TCP-level option{{.*}} [sctp-option-notsent-lowat]
  // CHECK-FIXES: getsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, &len);
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_BINDTODEVICE has the same
// number (25) as TCP_NOTSENT_LOWAT.
int negative_other_level(int fd) {
  int lowat = 16384;
  return setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, &lowat, sizeof lowat);
}
