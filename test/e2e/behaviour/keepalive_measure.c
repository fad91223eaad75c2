/* keepalive_measure.c: measurements behind the keep-alive mapping, in the
 * test VM (it takes the loopback interface down and up again):
 * - dead peer: the time until a silent peer is reported (ETIMEDOUT), for TCP
 *   with idle 2 s, interval 1 s, 3 probes; for SCTP with the same values
 *   through sctpify_setsockopt (heartbeat interval = idle / 2, association
 *   count = count - 1); and for SCTP with the plain mapping (interval = idle,
 *   association count = count), twice each;
 * - healthy idle connection: keep-alive probes sent in 8 s with idle 2 s.
 * Prints MEASURE lines, and one STEP that fails if a dead peer went unseen. */
#include "step.h"
#include "helpers.h"
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>

static long counter(const char *file, const char *key) {
  FILE *f = fopen(file, "r");
  char line[2048], names[2048];
  long found = -1;
  if (!f) fatal(file);
  names[0] = 0;
  while (fgets(line, sizeof line, f)) {
    char name[64];
    long value;
    if (sscanf(line, "%63s %ld", name, &value) == 2 && !strcmp(name, key)) found = value;
    if (!strncmp(line, "Tcp: ", 5)) { /* /proc/net/snmp: names, then values */
      if (!names[0]) { strcpy(names, line); continue; }
      char *n = names + 5, *v = line + 5, *ns, *vs;
      for (char *a = strtok_r(n, " \n", &ns), *b = strtok_r(v, " \n", &vs); a && b;
           a = strtok_r(NULL, " \n", &ns), b = strtok_r(NULL, " \n", &vs))
        if (!strcmp(a, key)) found = atol(b);
    }
  }
  fclose(f);
  return found;
}

static void set(int fd, int name, int value) {
  if (sctpify_setsockopt(fd, IPPROTO_TCP, name, &value, sizeof value) < 0) fatal("setsockopt");
}

/* variant: 0 TCP, 1 SCTP through the helper, 2 SCTP with hbinterval = idle. */
static void pair(int variant, int *client, int *server) {
  int proto = variant ? IPPROTO_SCTP : IPPROTO_TCP, one = 1;
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t alen = sizeof a;
  int l = socket(AF_INET, SOCK_STREAM, proto);
  if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, 1) < 0 ||
      getsockname(l, (struct sockaddr *)&a, &alen) < 0)
    fatal("listener");
  if (setsockopt(l, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one) < 0) fatal("SO_KEEPALIVE");
  set(l, TCP_KEEPIDLE, 2);
  set(l, TCP_KEEPINTVL, 1);
  set(l, TCP_KEEPCNT, 3);
  if (variant == 2) { /* the plain mapping: interval = idle, count = count */
    struct sctp_assocparams ap;
    memset(&ap, 0, sizeof ap);
    ap.sasoc_asocmaxrxt = 3;
    if (sctpify_set_hbinterval(l, 2000) < 0 ||
        setsockopt(l, IPPROTO_SCTP, SCTP_ASSOCINFO, &ap, sizeof ap) < 0)
      fatal("plain mapping");
  }
  *client = socket(AF_INET, SOCK_STREAM, proto);
  if (*client < 0 || connect(*client, (struct sockaddr *)&a, sizeof a) < 0) fatal("connect");
  if ((*server = accept(l, NULL, NULL)) < 0) fatal("accept");
  close(l);
  char buf[4];
  if (write(*client, "ping", 4) != 4 || read(*server, buf, 4) != 4 ||
      write(*server, "pong", 4) != 4 || read(*client, buf, 4) != 4)
    fatal("exchange");
}

static const char *names[] = {"tcp", "sctp-helper-hb=idle/2", "sctp-hb=idle"};

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  int seen = 0, tries = 0, c, s;
  for (int round = 0; round < 2; ++round)
    for (int variant = 0; variant < 3; ++variant) {
      pair(variant, &c, &s);
      if (system("/usr/bin/busybox ip link set lo down")) fatal("lo down");
      double start = now_ms();
      struct pollfd p = {s, POLLIN, 0};
      int r = poll(&p, 1, 30000);
      double ms = now_ms() - start;
      char b;
      ssize_t n = read(s, &b, 1);
      int e = errno;
      if (system("/usr/bin/busybox ip link set lo up && /usr/bin/busybox ip link set lo mtu 1500"))
        fatal("lo up");
      printf("MEASURE dead-peer variant=%s idle=2 intvl=1 cnt=3 tcp_bound_ms=5000 elapsed_ms=%.0f read=%zd/%s\n",
             names[variant], ms, n, n < 0 ? strerrorname_np(e) : "-");
      fflush(stdout);
      seen += r == 1 && n < 0 && e == ETIMEDOUT;
      tries++;
      close(c), close(s);
    }
  for (int variant = 0; variant < 2; ++variant) {
    pair(variant, &c, &s);
    const char *file = variant ? "/proc/net/sctp/snmp" : "/proc/net/snmp";
    const char *key = variant ? "SctpOutCtrlChunks" : "OutSegs";
    long before = counter(file, key);
    usleep(8000000);
    long after = counter(file, key);
    printf("MEASURE idle-probes variant=%s idle=2 window_ms=8000 %s=+%ld (probe + answer each)\n",
           names[variant], key, after - before);
    close(c), close(s);
  }
  step_end("dead-peer-seen", seen == tries, 0, "detected=%d of %d", seen, tries);
  return step_exit();
}
