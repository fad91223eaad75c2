/* Shape: the UNP ("Stevens") error-checking wrapper. Socket() passes its
 * parameters straight to socket(); callers decide the family and type. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int Socket(int family, int type, int proto) {
  int fd = socket(family, type, proto);
  if (fd < 0) {
    perror("socket");
    exit(1);
  }
  return fd;
}

int main(void) {
  int one = 1;
  int tcp = Socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(tcp, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

  int local = Socket(AF_UNIX, SOCK_STREAM, 0);
  setsockopt(local, SOL_SOCKET, SO_RCVBUF, &one, sizeof one);

  int udp = Socket(AF_INET, SOCK_DGRAM, 0);
  setsockopt(udp, SOL_SOCKET, SO_BROADCAST, &one, sizeof one);

  close(udp);
  close(local);
  close(tcp);
  puts("done");
  return 0;
}
