/* A small HTTP/1.1 file server: http_server PORT DIR [CONNECTIONS]
 * GET only; keep-alive; Content-Length; 404 for missing files. Serves
 * CONNECTIONS connections (default: forever), one at a time. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *data, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n <= 0)
      return -1;
    data += n;
    len -= (size_t)n;
  }
  return 0;
}

/* Sends one response; returns -1 when the connection should close. */
static int respond(int conn, const char *dir, const char *path) {
  char file[4096], head[256];
  if (strstr(path, "..") || snprintf(file, sizeof file, "%s%s", dir, path) >= (int)sizeof file)
    path = "/";
  int fd = open(file, O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
    const char *body = "not found\n";
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 404 Not Found\r\nContent-Length: %zu\r\n\r\n", strlen(body));
    if (fd >= 0)
      close(fd);
    return write_all(conn, head, n) || write_all(conn, body, strlen(body)) ? -1 : 0;
  }
  int n = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Length: %lld\r\n\r\n",
                   (long long)st.st_size);
  int failed = write_all(conn, head, n);
  char chunk[16384];
  ssize_t got;
  while (!failed && (got = read(fd, chunk, sizeof chunk)) > 0)
    failed = write_all(conn, chunk, (size_t)got);
  close(fd);
  return failed ? -1 : 0;
}

static void serve(int conn, const char *dir) {
  char request[8192];
  size_t used = 0;
  for (;;) {
    char *end;
    while (!(end = memmem(request, used, "\r\n\r\n", 4))) {
      ssize_t n = read(conn, request + used, sizeof request - used);
      if (n <= 0)
        return;
      used += (size_t)n;
      if (used == sizeof request)
        return;
    }
    char method[16], path[4096];
    *end = '\0';
    int close_after = strstr(request, "Connection: close") != NULL;
    if (sscanf(request, "%15s %4095s", method, path) != 2 || strcmp(method, "GET") ||
        respond(conn, dir, path) < 0 || close_after)
      return;
    size_t consumed = (size_t)(end + 4 - request);
    memmove(request, request + consumed, used - consumed);
    used -= consumed;
  }
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s PORT DIR [CONNECTIONS]\n", argv[0]);
    return 2;
  }
  int connections = argc > 3 ? atoi(argv[3]) : -1;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)atoi(argv[1]));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 ||
      listen(listener, 16) < 0) {
    perror("listen");
    return 1;
  }
  for (int served = 0; connections < 0 || served < connections; ++served) {
    int conn = accept(listener, NULL, NULL);
    if (conn < 0) {
      perror("accept");
      return 1;
    }
    serve(conn, argv[2]);
    close(conn);
  }
  close(listener);
  return 0;
}
