/* probe ADDR PORT sctp|sctp-budget|tcp WAIT-MS: one connect, no fallback;
 * prints how it ended and when: "result=ECONNREFUSED ms=1.234", or
 * "result=pending ms=WAIT-MS" if it had not ended by then. sctp-budget
 * sets the INIT budget of fallback.h first; sctp uses the kernel's
 * defaults. For measuring what each failure kind looks like (in the VM). */
#include <arpa/inet.h>
#include <stdio.h>
#include "fallback.h"

static const char *name(int e) {
  switch (e) {
  case 0: return "connected";
  case ECONNREFUSED: return "ECONNREFUSED";
  case ETIMEDOUT: return "ETIMEDOUT";
  case ENETUNREACH: return "ENETUNREACH";
  case EHOSTUNREACH: return "EHOSTUNREACH";
  case ECONNRESET: return "ECONNRESET";
  case EPROTO: return "EPROTO";
  case ENOPROTOOPT: return "ENOPROTOOPT";
  case EACCES: return "EACCES";
  case EPERM: return "EPERM";
  default: return "other";
  }
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s ADDR PORT sctp|sctp-budget|tcp WAIT-MS\n", argv[0]);
    return 2;
  }
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)atoi(argv[2]));
  inet_pton(AF_INET, argv[1], &a.sin_addr);
  int tcp = !strcmp(argv[3], "tcp");
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, tcp ? IPPROTO_TCP : IPPROTO_SCTP);
  if (fd < 0) { perror("socket"); return 1; }
  struct sctp_rtoinfo saved;
  if (!strcmp(argv[3], "sctp-budget"))
    sctpify_fb_init_budget(fd, &saved);
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int err = 0;
  if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
    err = errno;
    if (err == EINPROGRESS) {
      struct pollfd p;
      p.fd = fd;
      p.events = POLLOUT;
      p.revents = 0;
      if (poll(&p, 1, atoi(argv[4])) == 0) {
        printf("result=pending ms=%s\n", argv[4]);
        return 0;
      }
      socklen_t len = sizeof err;
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    }
  }
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
  printf("result=%s errno=%d ms=%.3f\n", name(err), err, ms);
  return 0;
}
