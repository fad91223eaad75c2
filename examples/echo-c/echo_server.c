/* A TCP echo server: echo_server PORT [CLIENTS]
 * Listens on 127.0.0.1:PORT, echoes what each client sends until it closes,
 * and exits after CLIENTS clients (default: serve forever). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int listen_on(unsigned short port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    perror("socket");
    return -1;
  }
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 16) < 0) {
    perror("bind/listen");
    close(fd);
    return -1;
  }
  return fd;
}

static void echo(int fd) {
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    ssize_t off = 0;
    while (off < n) {
      ssize_t w = write(fd, buf + off, n - off);
      if (w <= 0)
        return;
      off += w;
    }
  }
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s PORT [CLIENTS]\n", argv[0]);
    return 2;
  }
  int clients = argc > 2 ? atoi(argv[2]) : -1;
  int listener = listen_on((unsigned short)atoi(argv[1]));
  if (listener < 0)
    return 1;
  for (int served = 0; clients < 0 || served < clients; ++served) {
    int conn = accept(listener, NULL, NULL);
    if (conn < 0) {
      perror("accept");
      return 1;
    }
    echo(conn);
    close(conn);
  }
  close(listener);
  return 0;
}
