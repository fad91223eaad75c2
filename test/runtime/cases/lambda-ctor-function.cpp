// Shape: sockets opened from a lambda (family as its parameter), from a
// constructor's member initializer (family as the constructor's parameter,
// used for a Unix-domain socket) and from a std::function (literal IPv6 with
// IPPROTO_TCP).
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <functional>

class Channel {
public:
  explicit Channel(int family) : fd_(socket(family, SOCK_STREAM, 0)) {}
  ~Channel() {
    if (fd_ >= 0)
      close(fd_);
  }
  Channel(const Channel &) = delete;
  Channel &operator=(const Channel &) = delete;
  int fd() const { return fd_; }

private:
  int fd_;
};

int main() {
  int one = 1;
  auto open_tcp = [&one](int family) {
    int fd = socket(family, SOCK_STREAM, 0);
    if (fd >= 0)
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
  };
  int v4 = open_tcp(AF_INET);

  Channel control(AF_UNIX);
  setsockopt(control.fd(), SOL_SOCKET, SO_PASSCRED, &one, sizeof one);

  std::function<int()> factory = [] {
    return socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  };
  int v6 = factory();
  setsockopt(v6, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

  if (v4 < 0 || control.fd() < 0 || v6 < 0)
    return 1;
  close(v6);
  close(v4);
  std::puts("done");
  return 0;
}
