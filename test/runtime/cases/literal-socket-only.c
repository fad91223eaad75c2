/* Shape (positive control): literal socket() calls and no TCP-level option:
 * an IPv4 and an IPv6 TCP socket, next to a Unix-domain stream socket, a UDP
 * socket and an IPPROTO_TCP-spelled one with SOCK_NONBLOCK. */
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  int one = 1;
  int v4 = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(v4, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  int local = socket(AF_UNIX, SOCK_STREAM, 0);
  int udp = socket(AF_INET, SOCK_DGRAM, 0);
  int v6 = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP);
  setsockopt(v6, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  if (v4 < 0 || local < 0 || udp < 0 || v6 < 0)
    return 1;
  close(v6);
  close(udp);
  close(local);
  close(v4);
  puts("done");
  return 0;
}
