// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <functional>

namespace net {
constexpr int kFamily = AF_INET6;

class Listener {
public:
  Listener() : fd_(::socket(kFamily, SOCK_STREAM, 0)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: ::socket(kFamily, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: Listener() : fd_(::socket(kFamily, SOCK_STREAM, IPPROTO_SCTP)) {}
  int reopen() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
    // CHECK-MESSAGES: note: SCTP form
    // CHECK-FIXES: fd_ = ::socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
    return fd_;
  }
  // Inside the class, unqualified `socket` names this method, declared below
  // or not: neither call is the C library's.
  int own_before() { return socket(AF_INET, SOCK_STREAM, 0); }
  // CHECK-FIXES: int own_before() { return socket(AF_INET, SOCK_STREAM, 0); }
  int socket(int family, int type, int protocol) { return family + type + protocol; }
  int own() { return socket(AF_INET, SOCK_STREAM, 0); }
  // CHECK-FIXES: int own() { return socket(AF_INET, SOCK_STREAM, 0); }

private:
  int fd_;
};

// Neither is a function called socket in a namespace.
int socket(int family, int type, int protocol) { return family + type + protocol; }
int namespaced() { return net::socket(AF_INET, SOCK_STREAM, 0); }
// CHECK-FIXES: int namespaced() { return net::socket(AF_INET, SOCK_STREAM, 0); }
} // namespace net

// A family that is a template parameter differs between instantiations
// (AF_INET6 and AF_UNIX below): the helper chooses per instantiation; the
// call keeps its `::`.
template <int Family> int open_stream() {
  return ::socket(Family, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: ::sctpify_socket(Family, SOCK_STREAM, 0)
  // CHECK-FIXES: return ::sctpify_socket(Family, SOCK_STREAM, 0);
}
int instantiations() { return open_stream<AF_INET6>() + open_stream<AF_UNIX>(); }

int lambdas() {
  auto open = [] { return ::socket(AF_INET, SOCK_STREAM, 0); };
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: auto open = [] { return ::socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); };
  std::function<int()> later = [] {
    enum class Proto { Default = 0 };
    return socket(PF_INET, SOCK_STREAM, static_cast<int>(Proto::Default));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
    // CHECK-MESSAGES: note: SCTP form
    // CHECK-FIXES: return socket(PF_INET, SOCK_STREAM, IPPROTO_SCTP);
  };
  // A Unix-domain socket created in a lambda stays one.
  auto local = [] { return ::socket(AF_UNIX, SOCK_STREAM, 0); };
  return open() + later() + local();
}
