#include "net.h"
#include <netinet/in.h>
int server_open(void) {
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  return fd < 0 ? net_stream() : fd;
}
