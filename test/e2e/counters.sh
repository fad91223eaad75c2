#!/bin/sh
# counters.sh: one line of the transport counters the e2e tests compare:
# SCTP associations and packets (/proc/net/sctp/snmp) and TCP opens and
# segments (/proc/net/snmp).
sctp() { awk -v k="$1" '$1 == k { print $2 }' /proc/net/sctp/snmp; }
tcp() {
  awk -v k="$1" '/^Tcp:/ { if (!n) { for (i = 1; i <= NF; i++) if ($i == k) c = i; n = 1 } else print $c }' /proc/net/snmp
}
echo "sctp_estabs=$(( $(sctp SctpActiveEstabs) + $(sctp SctpPassiveEstabs) ))" \
     "sctp_packets=$(sctp SctpOutSCTPPacks)" \
     "sctp_chunks=$(( $(sctp SctpOutOrderChunks) + $(sctp SctpOutUnorderChunks) ))" \
     "tcp_opens=$(( $(tcp ActiveOpens) + $(tcp PassiveOpens) ))" \
     "tcp_segments=$(tcp OutSegs)"
