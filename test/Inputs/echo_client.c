#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int connect_tcp(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    perror("socket");
  return fd;
}

int main(void) {
  int fd = connect_tcp();
  close(fd);
  return 0;
}
