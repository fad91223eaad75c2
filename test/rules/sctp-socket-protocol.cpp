// RUN: %check_sctpify %s %t
// sctp-socket-protocol in a C++ program: constexpr and enum-class values,
// a socket made in a constructor's initialiser and in lambdas. How C++
// names the call (`::socket`, methods and namespaces called socket) and
// template parameters are the engine's, in test/engine/statements.cpp and
// test/engine/run-time.cpp.
#include <sys/socket.h>
#include <netinet/in.h>
#include <functional>
// CHECK-FIXES: #include <functional>
// CHECK-FIXES-NEXT: //

namespace net {
constexpr int kFamily = AF_INET6;

class Listener {
public:
  Listener() : fd_(::socket(kFamily, SOCK_STREAM, 0)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: TCP stream socket: it becomes an SCTP one-to-one socket, which takes the same calls (bind, listen, accept, connect, send, recv) [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: ::socket(kFamily, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: Listener() : fd_(::socket(kFamily, SOCK_STREAM, IPPROTO_SCTP)) {}
  int fd() const { return fd_; }

private:
  int fd_;
};
} // namespace net

int lambdas() {
  std::function<int()> later = [] {
    enum class Proto { Default = 0 };
    return socket(PF_INET, SOCK_STREAM, static_cast<int>(Proto::Default));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
    // CHECK-MESSAGES: note: SCTP form: socket(PF_INET, SOCK_STREAM, IPPROTO_SCTP)
    // CHECK-FIXES: return socket(PF_INET, SOCK_STREAM, IPPROTO_SCTP);
  };
  // Does not touch a Unix-domain socket created in a lambda: it stays one.
  auto local = [] { return ::socket(AF_UNIX, SOCK_STREAM, 0); };
  // CHECK-FIXES: auto local = [] { return ::socket(AF_UNIX, SOCK_STREAM, 0); };
  return net::Listener().fd() + later() + local();
}
