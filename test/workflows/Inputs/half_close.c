// A flag finding for the report tests: shutdown(SHUT_WR) to end a request,
// then a reply the program uses (sctp-half-close). There is nothing to
// rewrite: the report lists it as a flag, with no fixes.
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>

long print_reply(void) {
  char reply[512];
  long n;
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  shutdown(fd, SHUT_WR);
  while ((n = recv(fd, reply, sizeof reply, 0)) > 0)
    fwrite(reply, 1, n, stdout);
  return n;
}
