/* A TCP echo client: echo_client PORT MESSAGE
 * Sends MESSAGE to 127.0.0.1:PORT, prints the echo, exits 0 if it matches. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s PORT MESSAGE\n", argv[0]);
    return 2;
  }
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    perror("socket");
    return 1;
  }
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)atoi(argv[1]));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
    perror("connect");
    return 1;
  }
  const char *message = argv[2];
  size_t len = strlen(message);
  if (write(fd, message, len) != (ssize_t)len) {
    perror("write");
    return 1;
  }
  char reply[4096];
  size_t got = 0;
  while (got < len && got < sizeof reply - 1) {
    ssize_t n = read(fd, reply + got, sizeof reply - 1 - got);
    if (n <= 0)
      break;
    got += (size_t)n;
  }
  reply[got] = '\0';
  close(fd);
  printf("%s\n", reply);
  return strcmp(reply, message) == 0 ? 0 : 1;
}
