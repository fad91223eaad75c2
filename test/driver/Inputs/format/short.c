#include <sys/socket.h>
#include <stdio.h>

int open_it(void) {
  return socket(AF_INET, SOCK_STREAM, 0);
}
