// RUN: %check_sctpify %s %t
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// Every use of struct tcp_info is reported: it is never filled on SCTP.
unsigned rtt_of(const struct tcp_info *ti) {
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: struct tcp_info describes a TCP connection{{.*}} [sctp-tcp-info-struct]
  return ti->tcpi_rtt;
}

unsigned long info_size(void) {
  return sizeof(struct tcp_info);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: struct tcp_info describes{{.*}} [sctp-tcp-info-struct]
}

// Other TCP structs and struct members that merely share a name are not
// reported.
struct stats { unsigned tcp_info; };
unsigned negative(const struct stats *s, const struct tcphdr *h) {
  return s->tcp_info + h->th_win;
}
