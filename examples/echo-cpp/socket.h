// A small RAII wrapper around a TCP socket descriptor.
#pragma once
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <stdexcept>
#include <string>
#include <utility>

namespace echo {

class Socket {
public:
  Socket() : fd_(::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)) {
    if (fd_ < 0)
      throw std::runtime_error("socket failed");
  }
  explicit Socket(int fd) : fd_(fd) {}
  Socket(Socket &&other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Socket(const Socket &) = delete;
  Socket &operator=(const Socket &) = delete;
  ~Socket() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  int fd() const { return fd_; }

  static sockaddr_in loopback(unsigned short port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
  }

private:
  int fd_;
};

} // namespace echo
