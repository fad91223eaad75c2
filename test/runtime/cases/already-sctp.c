/* Shape: code that is already SCTP; a correct conversion changes nothing. */
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  if (fd < 0)
    return 1;
  int one = 1;
  setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  close(fd);
  puts("done");
  return 0;
}
