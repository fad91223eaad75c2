// A TCP echo client in C++: echo_client_cpp PORT MESSAGE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char **argv) {
  if (argc < 3) {
    std::cerr << "usage: " << argv[0] << " PORT MESSAGE\n";
    return 2;
  }
  const std::string message = argv[2];
  auto connect_to = [](unsigned short port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0) {
      close(fd);
      return -1;
    }
    return fd;
  };
  int fd = connect_to(static_cast<unsigned short>(std::atoi(argv[1])));
  if (fd < 0) {
    std::perror("connect");
    return 1;
  }
  if (write(fd, message.data(), message.size()) != static_cast<ssize_t>(message.size())) {
    std::perror("write");
    return 1;
  }
  std::string reply;
  char buf[4096];
  while (reply.size() < message.size()) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0)
      break;
    reply.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  std::cout << reply << "\n";
  return reply == message ? 0 : 1;
}
