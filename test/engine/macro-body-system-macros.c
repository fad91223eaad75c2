// The headers this file includes are private copies, on an -isystem path
// ahead of /usr/include, so that a wrong edit cannot reach the real ones.
// RUN: rm -rf %t.include %t.pristine && mkdir -p %t.include/netinet %t.pristine
// RUN: cp /usr/include/netinet/in.h /usr/include/netinet/tcp.h %t.include/netinet/
// RUN: cp /usr/include/netinet/in.h /usr/include/netinet/tcp.h %t.pristine/
// RUN: %check_sctpify %s %t -- -isystem %t.include
// RUN: diff %t.pristine/in.h %t.include/netinet/in.h
// RUN: diff %t.pristine/tcp.h %t.include/netinet/tcp.h

// A call spelled in a project macro's body whose arguments are themselves
// system macros (IPPROTO_TCP, TCP_NODELAY) is ported in the project's
// definition, where those names are written, never where they are defined.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#define NODELAY(fd, on) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on)
// CHECK-MESSAGES: :[[@LINE-1]]:25: error: TCP_NODELAY is a TCP-level option{{.*}}; it is spelled inside macro NODELAY, whose every expansion matches, so its definition is rewritten [sctp-option-nodelay]
// CHECK-MESSAGES: note: SCTP form: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof on)
// CHECK-FIXES: #define NODELAY(fd, on) setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof on)
// The descriptor is a socket sctpify converts, made here: a descriptor
// decided at run time would leave the definition for review (macros.c).
int option_in_macro_body(void) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  return NODELAY(fd, one);
}

#define OPEN_TCP() socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: TCP stream socket{{.*}}; it is spelled inside macro OPEN_TCP, whose every expansion matches, so its definition is rewritten [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form: socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
// CHECK-FIXES: #define OPEN_TCP() socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
int socket_in_macro_body(void) { return OPEN_TCP(); }
