// A TCP echo server in C++: echo_server_cpp PORT [CLIENTS]
#include "socket.h"
#include <cstdio>
#include <cstdlib>
#include <functional>

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PORT [CLIENTS]\n", argv[0]);
    return 2;
  }
  int clients = argc > 2 ? std::atoi(argv[2]) : -1;
  auto port = static_cast<unsigned short>(std::atoi(argv[1]));
  echo::Socket listener;
  int one = 1;
  setsockopt(listener.fd(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr = echo::Socket::loopback(port);
  if (bind(listener.fd(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 ||
      listen(listener.fd(), 16) < 0) {
    std::perror("bind/listen");
    return 1;
  }
  std::function<void(const echo::Socket &)> serve = [](const echo::Socket &conn) {
    char buf[4096];
    ssize_t n;
    while ((n = read(conn.fd(), buf, sizeof buf)) > 0)
      for (ssize_t off = 0; off < n;) {
        ssize_t w = write(conn.fd(), buf + off, n - off);
        if (w <= 0)
          return;
        off += w;
      }
  };
  for (int served = 0; clients < 0 || served < clients; ++served) {
    echo::Socket conn(accept(listener.fd(), nullptr, nullptr));
    if (conn.fd() < 0) {
      std::perror("accept");
      return 1;
    }
    serve(conn);
  }
  return 0;
}
