// RUN: %check_sctpify %s %t
// SCTP authenticates chunks with SCTP-AUTH (RFC 4895), not TCP MD5
// signatures: TCP_MD5SIG and its extended form TCP_MD5SIG_EXT both belong
// to this rule. Without a port the connection silently goes unauthenticated.
// Level spellings, descriptor origins and run-time arguments are the
// engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Set and read, both names, on a socket sctpify converts: reported, never
// changed.
int on_converted_socket(void) {
  struct tcp_md5sig md5 = { .tcpm_keylen = 4 };
  socklen_t len = sizeof md5;
  int fd = socket(AF_INET6, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, &md5, sizeof md5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP MD5 signature option (RFC 2385); on an SCTP socket the call fails (ENOPROTOOPT/EOPNOTSUPP) and the connection is left unauthenticated; SCTP authenticates chunks with SCTP-AUTH (RFC 4895) instead [sctp-option-md5sig]
  // CHECK-MESSAGES: note: on both ends enable SCTP-AUTH (net.sctp.auth_enable=1, or SCTP_AUTH_SUPPORTED on recent kernels), add DATA to the authenticated chunks with SCTP_AUTH_CHUNK and install the shared key with SCTP_AUTH_KEY (SCTP_AUTH_ACTIVE_KEY to switch keys); peers without the key fail the handshake
  // CHECK-FIXES: setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, &md5, sizeof md5);
  setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG_EXT, &md5, sizeof md5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP MD5 signature option{{.*}} [sctp-option-md5sig]
  getsockopt(fd, IPPROTO_TCP, TCP_MD5SIG_EXT, &md5, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP MD5 signature option{{.*}} [sctp-option-md5sig]
  return fd;
}

// Does not match at level SOL_SOCKET, even though SO_BSDCOMPAT and
// SO_SNDBUFFORCE have the numbers of TCP_MD5SIG (14) and TCP_MD5SIG_EXT (32).
int negative_other_level(int fd) {
  struct tcp_md5sig md5 = { .tcpm_keylen = 4 };
  return setsockopt(fd, SOL_SOCKET, SO_BSDCOMPAT, &md5, sizeof md5) |
         setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &md5, sizeof md5);
}
