// RUN: %check_sctpify %s %t
// In C++ a rule matches the C library's function, however the call names
// it (`socket` or `::socket`, in a method or a lambda), and never a method
// or a namespace's function of the same name.
#include <sys/socket.h>
#include <netinet/in.h>

namespace net {

class Listener {
public:
  int reopen() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
    // CHECK-MESSAGES: note: SCTP form: ::socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
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

int lambdas() {
  auto open = [] { return ::socket(AF_INET, SOCK_STREAM, 0); };
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: auto open = [] { return ::socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); };
  // A Unix-domain socket created in a lambda stays one.
  auto local = [] { return ::socket(AF_UNIX, SOCK_STREAM, 0); };
  // CHECK-FIXES: auto local = [] { return ::socket(AF_UNIX, SOCK_STREAM, 0); };
  return open() + local();
}
