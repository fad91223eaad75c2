// RUN: %check_sctpify %s %t
// SCTP accepts SO_KEEPALIVE and ignores it, on or off: heartbeats check
// liveness and keep running.
// Spellings of the option and descriptor origins (including the program's
// own wrappers) are the engine's, tested once in test/engine/.
#include <sys/socket.h>
#include <netinet/in.h>

int on_converted_socket(void) {
  int one = 1, off = 0;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: SO_KEEPALIVE is accepted on an SCTP socket but does nothing: SCTP checks liveness with heartbeats, on by default on every path (every 30 s plus one RTO), and turning SO_KEEPALIVE off does not stop them [sctp-keepalive]
  // CHECK-MESSAGES: note: drop the option, or tune the heartbeat through SCTP_PEER_ADDR_PARAMS (spp_hbinterval in ms with SPP_HB_ENABLE, or SPP_HB_DISABLE to turn it off)
  // CHECK-FIXES: setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &off, sizeof off);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: SO_KEEPALIVE is accepted{{.*}} [sctp-keepalive]
  return fd;
}

// Does not match getsockopt, which only reads the flag, nor level
// IPPROTO_IP, where the same number (9) is IP_PKTOPTIONS.
int negative_read_or_other_level(int fd) {
  int v = 1;
  socklen_t len = sizeof v;
  getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &v, &len);
  return setsockopt(fd, IPPROTO_IP, IP_PKTOPTIONS, &v, sizeof v);
}
