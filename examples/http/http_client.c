/* A small HTTP/1.1 client: http_client PORT OUTDIR PATH...
 * Fetches every PATH from 127.0.0.1:PORT over ONE keep-alive connection,
 * writes each body to OUTDIR/<n>.body and prints `<status> <bytes> <path>`. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum { Capacity = 1 << 16 };
static char buffer[Capacity];
static size_t buffered;

/* Reads more of the response into buffer; 0 at end of stream. */
static ssize_t fill(int fd) {
  if (buffered == Capacity)
    return -1;
  ssize_t n = read(fd, buffer + buffered, Capacity - buffered);
  if (n > 0)
    buffered += (size_t)n;
  return n;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s PORT OUTDIR PATH...\n", argv[0]);
    return 2;
  }
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  /* Requests are small and answered one by one: do not wait to batch them. */
  if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0) {
    perror("setsockopt");
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
  for (int i = 3; i < argc; ++i) {
    char request[4200];
    int n = snprintf(request, sizeof request, "GET %s HTTP/1.1\r\nHost: localhost\r\n%s\r\n",
                     argv[i], i + 1 == argc ? "Connection: close\r\n" : "");
    if (write(fd, request, (size_t)n) != n) {
      perror("write");
      return 1;
    }
    char *end;
    while (!(end = memmem(buffer, buffered, "\r\n\r\n", 4)))
      if (fill(fd) <= 0) {
        fprintf(stderr, "truncated response headers\n");
        return 1;
      }
    *end = '\0'; /* the headers, as a string */
    int status = 0;
    long long length = -1;
    sscanf(buffer, "HTTP/1.1 %d", &status);
    char *field = strstr(buffer, "Content-Length:");
    if (field)
      length = atoll(field + strlen("Content-Length:"));
    if (length < 0) {
      fprintf(stderr, "no Content-Length\n");
      return 1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%d.body", argv[2], i - 2);
    FILE *out = fopen(path, "wb");
    size_t header = (size_t)(end + 4 - buffer);
    memmove(buffer, buffer + header, buffered - header);
    buffered -= header;
    long long remaining = length;
    while (remaining > 0) {
      if (buffered == 0 && fill(fd) <= 0) {
        fprintf(stderr, "truncated body\n");
        return 1;
      }
      size_t take = buffered < (size_t)remaining ? buffered : (size_t)remaining;
      fwrite(buffer, 1, take, out);
      memmove(buffer, buffer + take, buffered - take);
      buffered -= take;
      remaining -= (long long)take;
    }
    fclose(out);
    printf("%d %lld %s\n", status, length, argv[i]);
  }
  close(fd);
  return 0;
}
