// RUN: %check_sctpify %s %t -- -DHAVE_SYS_SOCKET_H
// A new include must not come before `#define _GNU_SOURCE` and the includes
// that depend on it (that would hide accept4() here), nor inside an #ifdef
// that does not enclose the use: it goes after the last block of includes.
#define _GNU_SOURCE
#ifdef HAVE_SYS_SOCKET_H
#include <sys/socket.h>
#endif
// CHECK-FIXES: #endif
// CHECK-FIXES-NEXT: #include <netinet/in.h>
#ifdef NEVER_DEFINED
#include <this/header/does/not/exist.h>
#endif

int serve(void) {
  int fd = socket(PF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(PF_INET, SOCK_STREAM, IPPROTO_SCTP);
  return accept4(fd, 0, 0, SOCK_CLOEXEC);
}
