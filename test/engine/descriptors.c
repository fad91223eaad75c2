// RUN: %check_sctpify %s %t
// A rule about a descriptor (`descriptor: $fd`) applies where the descriptor
// may hold a socket sctpify converts. The engine follows the value back
// through locals and the program's own functions to the calls that made it.
// Every case below calls one rewrite (TCP_NODELAY) and one flag
// (shutdown(SHUT_WR)) on the descriptor: both are dropped, or both kept,
// whatever the rule.
#define _GNU_SOURCE
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

// Descriptors that are never TCP sockets: a Unix-domain socket, both ends
// of a pipe, a file, a socketpair, a stdio stream's descriptor. Nothing is
// reported or changed on them.
void negative_unix_domain_socket(void) {
  int one = 1;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
}

void negative_pipe(void) {
  int one = 1;
  int fds[2];
  pipe(fds);
  setsockopt(fds[0], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fds[1], SHUT_WR);
  send(fds[1], "!", 1, MSG_OOB);
}

void negative_file(void) {
  int one = 1;
  int fd = open("/dev/null", O_RDWR);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
}

void negative_socketpair(void) {
  int one = 1;
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  setsockopt(sv[0], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(sv[1], SHUT_WR);
}

void negative_stdio_stream(FILE *f) {
  int one = 1;
  setsockopt(fileno(f), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fileno(f), SHUT_WR);
}

// `-1` stands for "no descriptor yet": what is assigned later decides.
void negative_assigned_later(void) {
  int one = 1;
  int fd = -1;
  fd = socket(AF_UNIX, SOCK_STREAM, 0);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
}

void assigned_later(void) {
  int one = 1;
  int fd = -1;
  fd = socket(AF_INET6, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}

// A socket sctpify converts.
void converted_socket(void) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}

// A socket that was SCTP before the port gets the same treatment: the TCP
// option fails on it just the same.
void already_sctp(void) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}

// Descriptors from the program's own functions are followed through their
// returns, several levels deep (memcached's new_socket_unix()): wrappers
// that only ever return a Unix-domain socket, or -1, make nothing to port.
static int new_unix_socket(void) {
  int fd;
  if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
    return -1;
  return fd;
}
static int checked_unix_socket(void) { return new_unix_socket(); }
static int unix_listener(void) {
  int fd = checked_unix_socket();
  if (fd < 0)
    return -1;
  return fd;
}

void negative_through_unix_wrappers(void) {
  int one = 1;
  int fd;
  fd = unix_listener();
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
}

// Wrappers around a socket whose family is only known at run time hand on
// a descriptor that may or may not be converted: the option is decided at
// run time too, three calls away from the socket.
static int open_stream(int family) {
  return socket(family, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(family, SOCK_STREAM, 0)
  // CHECK-FIXES: return sctpify_socket(family, SOCK_STREAM, 0);
}
static int open_checked(int family) {
  int fd = open_stream(family);
  if (fd < 0)
    perror("socket");
  return fd;
}
static int open_listener(int family) { return open_checked(family); }

void through_run_time_wrappers(int family) {
  int one = 1;
  int fd = open_listener(family);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}

// A socket chosen at run time in the same function: the helpers decide
// both the socket and its option where the program runs. A flag is reported:
// the descriptor may hold a converted socket.
void chosen_at_run_time(int family) {
  int one = 1;
  int fd = socket(family, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: TCP stream socket{{.*}} only known at run time{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: sctpify_socket(family, SOCK_STREAM, 0)
  // CHECK-FIXES: int fd = sctpify_socket(family, SOCK_STREAM, 0);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}

// A Unix-domain socket on one path and a converted one on another: the
// option is decided at run time.
void one_of_two_paths(int local) {
  int one = 1;
  int fd;
  if (local)
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
  else
    fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form
  // CHECK-FIXES: fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}

// A parameter can hold anything: the option is decided at run time, on the
// socket the caller passes; the flag is reported.
void parameter(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}

// A function that fills a descriptor through a pointer is not followed: what
// it returns says nothing about the descriptor, which is treated as a
// parameter is (decided at run time), though here it only ever holds a
// Unix-domain socket.
static int open_into(int *out) {
  *out = socket(AF_UNIX, SOCK_STREAM, 0);
  return -1;
}

void out_parameter(void) {
  int one = 1;
  int fd;
  open_into(&fd);
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: TCP_NODELAY is a TCP-level option{{.*}} only known at run time{{.*}} [sctp-option-nodelay]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one)
  // CHECK-FIXES: sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  shutdown(fd, SHUT_WR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: shutdown(SHUT_WR) half-closes{{.*}} [sctp-half-close]
}
