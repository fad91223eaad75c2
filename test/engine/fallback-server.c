// RUN: %check_sctpify %s %t --fallback=tcp
// RUN: grep -c '^static inline [a-z]* *sctpify_fallback_' %t.c | FileCheck %s --check-prefix=HELPERS
// HELPERS: {{^8$}}
// The port compiles without a warning as C and as C++.
// RUN: %clang -std=gnu11 -Wall -Wextra -Werror -fsyntax-only %t.c
// RUN: %clangxx -x c++ -std=c++17 -Wall -Wextra -Werror -fsyntax-only %t.c
// What --fallback=tcp writes into a server (docs/fallback.md): the listener
// is SCTP where the kernel has it, with a TCP listener beside it on the same
// port (sctpify_fallback_listen), and accept() takes clients from both; a
// blocking loop and an epoll loop (whose registration goes through the
// helper) both see the TCP one. Accepted connections hold what their
// listener holds, so their calls go through the helpers too, which pass
// them through. The rewritten file compiles and a second run changes
// nothing (check_sctpify); test/fallback/host.sh runs such ports.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* accept4 */
#endif
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
// CHECK-FIXES: #include <unistd.h>
// CHECK-FIXES: static inline int sctpify_fallback_listen(int fd, int backlog) {
// CHECK-FIXES: static inline int sctpify_fb_accept(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
// CHECK-FIXES: static inline int sctpify_fallback_accept4(int fd, struct sockaddr *addr, socklen_t *len,
// CHECK-FIXES-NOT: sctpify_fallback_connect(

static int listen_on(unsigned short port) {
  int one = 1;
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket (TCP fallback): {{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)
  // CHECK-FIXES: int fd = sctpify_fallback_socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: setsockopt() on a socket that may be SCTP (TCP fallback): {{.*}} [sctp-fallback-setsockopt]
  // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one)
  // CHECK-FIXES: sctpify_fallback_setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 16) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: bind() on a socket that may be SCTP (TCP fallback): the address is remembered, so that a socket re-created as TCP is bound to it too; whether it applies is only known at run time, so the port decides there [sctp-fallback-bind]
    // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_bind(fd, (struct sockaddr *)&addr, sizeof addr)
    // CHECK-MESSAGES: :[[@LINE-3]]:62: warning: listen() on a socket that may be SCTP (TCP fallback): a TCP listener is opened beside the SCTP one on the same port, so TCP clients get in during a migration; blocking accept() and epoll loops (with sctpify_fallback_epoll_ctl) see it, a poll() or select() loop does not: there, run the unported server beside the port (docs/fallback.md); whether it applies is only known at run time, so the port decides there [sctp-fallback-listen]
    // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_listen(fd, 16)
    // CHECK-FIXES: if (sctpify_fallback_bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || sctpify_fallback_listen(fd, 16) < 0) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: close() on a socket that may be SCTP (TCP fallback): {{.*}} [sctp-fallback-close]
    // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_close(fd)
    // CHECK-FIXES: sctpify_fallback_close(fd);
    return -1;
  }
  return fd;
}

// Called only with accepted connections (CallSites): they may be SCTP or TCP.
static void serve(int conn) {
  char buf[512];
  ssize_t n;
  while ((n = read(conn, buf, sizeof buf)) > 0)
    if (write(conn, buf, (size_t)n) < 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: write to a stream socket that becomes SCTP{{.*}} [sctp-stream-write]
      // CHECK-MESSAGES: note: SCTP form: sctpify_write(conn, buf, (size_t)n)
      // CHECK-FIXES: if (sctpify_write(conn, buf, (size_t)n) < 0)
      break;
  close(conn);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: close() on a socket that may be SCTP (TCP fallback): {{.*}} [sctp-fallback-close]
  // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_close(conn)
  // CHECK-FIXES: sctpify_fallback_close(conn);
}

int blocking_server(unsigned short port) {
  int listener = listen_on(port);
  for (;;) {
    int conn = accept(listener, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: accept() on a listener that may be SCTP (TCP fallback): the client comes from the SCTP listener or the TCP one sctpify_fallback_listen opened beside it, whichever has one; whether it applies is only known at run time, so the port decides there [sctp-fallback-accept]
    // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_accept(listener, NULL, NULL)
    // CHECK-FIXES: int conn = sctpify_fallback_accept(listener, NULL, NULL);
    if (conn < 0)
      break;
    serve(conn);
  }
  return close(listener);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: close() on a socket that may be SCTP (TCP fallback): {{.*}} [sctp-fallback-close]
  // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_close(listener)
  // CHECK-FIXES: return sctpify_fallback_close(listener);
}

// An epoll loop: the registration goes through the helper, which registers
// the TCP listener beside it with the same events and data.
int epoll_server(unsigned short port) {
  int listener = listen_on(port), ep = epoll_create1(0);
  struct epoll_event ev;
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN;
  ev.data.fd = listener;
  epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: epoll_ctl() on a socket that may be SCTP (TCP fallback): the registration is remembered, so that a socket re-created as TCP is registered again (a registration belongs to the old open file) and a listener's TCP twin is registered with the same events and data; whether it applies is only known at run time, so the port decides there [sctp-fallback-epoll-ctl]
  // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev)
  // CHECK-FIXES: sctpify_fallback_epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
  for (;;) {
    struct epoll_event got;
    if (epoll_wait(ep, &got, 1, -1) != 1)
      break;
    int conn = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: accept4() on a listener that may be SCTP (TCP fallback): {{.*}} [sctp-fallback-accept4]
    // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_accept4(listener, NULL, NULL, SOCK_CLOEXEC)
    // CHECK-FIXES: int conn = sctpify_fallback_accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (conn >= 0)
      serve(conn);
  }
  return close(listener);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: close() on a socket that may be SCTP (TCP fallback): {{.*}} [sctp-fallback-close]
  // CHECK-MESSAGES: note: SCTP form: sctpify_fallback_close(listener)
  // CHECK-FIXES: return sctpify_fallback_close(listener);
}
