#include <netdb.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
int fetch(const char *host, const char *port, const char *req, size_t len) {
  struct addrinfo hints = {0}, *ai;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host, port, &hints, &ai))
    return -1;
  int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
  if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0)
    return -1;
  struct iovec iov[2] = {{(void *)req, len}, {(void *)"\r\n", 2}};
  writev(fd, iov, 2);
  write(fd, req, 0);
  sendto(fd, req, len, MSG_NOSIGNAL, 0, 0);
  char out[64];
  return (int)recvfrom(fd, out, sizeof out, MSG_WAITALL | MSG_PEEK, 0, 0);
}
