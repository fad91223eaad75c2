#include <sys/socket.h>

/* An untouched line far longer than fifty columns, which stays as it is. */
int open_wide(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  return fd;
}
