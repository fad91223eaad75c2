/* icmp_responder IFNAME ADDR: plays a host whose kernel has no SCTP, for the
 * VM test. Watches IFNAME for IPv4 SCTP packets to ADDR (a routing rule
 * drops them before the local SCTP stack sees them) and answers each with
 * ICMP destination unreachable, protocol unreachable (type 3, code 2), from
 * ADDR, quoting the packet as RFC 792 and RFC 4960 Appendix C want. */
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/ip.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static uint16_t checksum(const unsigned char *p, size_t n) {
  uint32_t s = 0;
  for (size_t i = 0; i + 1 < n; i += 2) s += (uint32_t)(p[i] << 8 | p[i + 1]);
  if (n & 1) s += (uint32_t)(p[n - 1] << 8);
  while (s >> 16) s = (s & 0xffff) + (s >> 16);
  return (uint16_t)~s;
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: %s IFNAME ADDR\n", argv[0]); return 2; }
  struct in_addr me;
  if (inet_pton(AF_INET, argv[2], &me) != 1) { fprintf(stderr, "bad address\n"); return 2; }
  int in = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IP));
  struct sockaddr_ll ll;
  memset(&ll, 0, sizeof ll);
  ll.sll_family = AF_PACKET;
  ll.sll_protocol = htons(ETH_P_IP);
  ll.sll_ifindex = (int)if_nametoindex(argv[1]);
  int out = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
  struct sockaddr_in src;
  memset(&src, 0, sizeof src);
  src.sin_family = AF_INET;
  src.sin_addr = me;
  if (in < 0 || out < 0 || !ll.sll_ifindex || bind(in, (struct sockaddr *)&ll, sizeof ll) < 0 ||
      bind(out, (struct sockaddr *)&src, sizeof src) < 0) {
    perror("icmp_responder: set-up");
    return 1;
  }
  fprintf(stderr, "ready\n");
  unsigned char pkt[2048], icmp[8 + 548];
  for (;;) {
    struct sockaddr_ll from;
    socklen_t flen = sizeof from;
    ssize_t n = recvfrom(in, pkt, sizeof pkt, 0, (struct sockaddr *)&from, &flen);
    if (n < 0) { perror("recvfrom"); return 1; }
    const struct iphdr *ip = (const struct iphdr *)pkt;
    if (from.sll_pkttype == PACKET_OUTGOING || n < (ssize_t)sizeof *ip || ip->version != 4 ||
        ip->protocol != IPPROTO_SCTP || ip->daddr != me.s_addr)
      continue;
    size_t quote = (size_t)n < sizeof icmp - 8 ? (size_t)n : sizeof icmp - 8;
    memset(icmp, 0, 8);
    icmp[0] = 3; /* destination unreachable */
    icmp[1] = 2; /* protocol unreachable */
    memcpy(icmp + 8, pkt, quote);
    uint16_t c = checksum(icmp, 8 + quote);
    icmp[2] = (unsigned char)(c >> 8);
    icmp[3] = (unsigned char)c;
    struct sockaddr_in to;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = ip->saddr;
    if (sendto(out, icmp, 8 + quote, 0, (struct sockaddr *)&to, sizeof to) < 0) perror("sendto");
    else fprintf(stderr, "answered an SCTP packet with ICMP protocol unreachable\n");
  }
}
