/* Shape: socket() spelled inside project macro bodies. TCP_SOCKET is used
 * for IPv4 and IPv6; LOCAL_SOCKET for a Unix-domain socket. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#define TCP_SOCKET(f) socket(f, SOCK_STREAM, 0)
#define LOCAL_SOCKET() socket(AF_UNIX, SOCK_STREAM, 0)

int main(void) {
  int one = 1;
  int v4 = TCP_SOCKET(AF_INET);
  setsockopt(v4, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  int v6 = TCP_SOCKET(AF_INET6);
  setsockopt(v6, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  int local = LOCAL_SOCKET();
  if (v4 < 0 || v6 < 0 || local < 0)
    return 1;
  close(local);
  close(v6);
  close(v4);
  puts("done");
  return 0;
}
