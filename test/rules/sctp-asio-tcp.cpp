// RUN: %check_sctpify %s %t -- -isystem %inputs/asio
#include <asio.h>

int use_standalone_asio() {
  asio::ip::tcp::socket s(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: asio's ip::tcp protocol always creates TCP sockets{{.*}} [sctp-asio-tcp]
  // CHECK-MESSAGES: note: use asio::generic::stream_protocol
  (void)s;
  return 0;
}

void use_boost_asio() {
  auto protocol = boost::asio::ip::tcp::v6();
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: asio's ip::tcp protocol{{.*}} [sctp-asio-tcp]
  // CHECK-MESSAGES: note: use asio::generic::stream_protocol
  (void)protocol;
}

// A type of the project's own that happens to be called tcp is not asio's.
namespace net {
struct tcp {
  int port;
};
} // namespace net
int own_tcp(net::tcp t) { return t.port; }
