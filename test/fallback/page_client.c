/* page_client URL OUT-DIR: a browser's fetch, as TCP code: GETs the page at
 * URL (http://A.B.C.D:PORT/PATH, HTTP/1.0), then every requisite the page
 * names as src="http://A.B.C.D:PORT/PATH" (the 2005 study's hit counter on
 * another server), each on a connection of its own. Saves each body as
 * OUT-DIR/<last path component> and prints one line per fetch:
 *   FETCH URL status=CODE bytes=N connect_us=T transport=tcp|sctp
 * Exits 0 only if every fetch answered 200. vm.sh ports it with
 * `sctpify --fallback=tcp`; the transport is read back with SO_PROTOCOL. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* GETs url into out_dir; returns the body (malloc'd, NUL-terminated) of a
 * 200 answer, or NULL. */
static char *fetch(const char *url, const char *out_dir) {
  char host[64], path[256];
  unsigned port;
  if (sscanf(url, "http://%63[0-9.]:%u%255s", host, &port, path) != 3) {
    fprintf(stderr, "bad url %s\n", url);
    return NULL;
  }
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  if (inet_pton(AF_INET, host, &addr.sin_addr) != 1)
    return NULL;
  long long start = now_us();
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
    perror(url);
    if (fd >= 0)
      close(fd);
    return NULL;
  }
  long long connect_us = now_us() - start;
  int protocol = 0;
  socklen_t len = sizeof protocol;
  getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &protocol, &len);
  char request[512];
  int n = snprintf(request, sizeof request, "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n", path, host);
  if (write(fd, request, (size_t)n) != n) {
    perror("write");
    close(fd);
    return NULL;
  }
  size_t size = 0, cap = 1 << 16;
  char *all = malloc(cap + 1);
  ssize_t got;
  while (all && (got = read(fd, all + size, cap - size)) > 0) {
    size += (size_t)got;
    if (size == cap) {
      char *bigger = realloc(all, (cap *= 2) + 1);
      if (!bigger)
        free(all);
      all = bigger;
    }
  }
  close(fd);
  if (!all)
    return NULL;
  all[size] = '\0';
  int status = 0;
  sscanf(all, "HTTP/%*s %d", &status);
  char *body = strstr(all, "\r\n\r\n");
  size_t body_len = body ? size - (size_t)(body + 4 - all) : 0;
  printf("FETCH %s status=%d bytes=%zu connect_us=%lld transport=%s\n", url, status, body_len,
         connect_us, protocol == IPPROTO_SCTP ? "sctp" : protocol == IPPROTO_TCP ? "tcp" : "?");
  if (status != 200 || !body) {
    free(all);
    return NULL;
  }
  char file[512];
  const char *name = strrchr(path, '/') + 1;
  snprintf(file, sizeof file, "%s/%s", out_dir, *name ? name : "index.html");
  FILE *f = fopen(file, "wb");
  if (!f || fwrite(body + 4, 1, body_len, f) != body_len || fclose(f) != 0) {
    perror(file);
    free(all);
    return NULL;
  }
  memmove(all, body + 4, body_len + 1);
  return all;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s URL OUT-DIR\n", argv[0]);
    return 2;
  }
  char *page = fetch(argv[1], argv[2]);
  if (!page)
    return 1;
  int status = 0;
  for (char *at = page; (at = strstr(at, "src=\"")) != NULL;) {
    at += 5;
    char *end = strchr(at, '"');
    if (!end)
      break;
    *end = '\0';
    char *body = fetch(at, argv[2]);
    if (!body)
      status = 1;
    free(body);
    at = end + 1;
  }
  free(page);
  return status;
}
