// RUN: %check_sctpify %s %t --disable=sctp-stream-send
// Where a call is written decides where it is edited: a call in a macro
// *argument* is spelled in this file and is rewritten there; a call spelled
// in a macro *body* is one text for every expansion, rewritten only when
// every expansion matches; a call whose arguments come from a macro that
// cannot be edited for this one call is left for review.
// (sctp-stream-send, which would port the send() below at run time, is off:
// macro-body-run-time.c has macro bodies with run-time forms. A macro body
// that names system macros such as IPPROTO_TCP is in
// macro-body-system-macros.c, with its own copies of the headers.)
#include <sys/socket.h>
#include <netinet/in.h>
// Nothing here is decided at run time: no helper is added.
// CHECK-FIXES: #include <netinet/in.h>
// CHECK-FIXES-NEXT: //

#define CHECKED(call) ((call) < 0 ? -1 : (call))
int inside_macro_argument(void) {
  return CHECKED(socket(AF_INET, SOCK_STREAM, 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
  // CHECK-FIXES: return CHECKED(socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP));
}

// Every expansion makes a TCP socket: the definition is rewritten, once.
#define OPEN_TCP() socket(AF_INET, SOCK_STREAM, 0)
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: TCP stream socket{{.*}}; it is spelled inside macro OPEN_TCP, whose every expansion matches, so its definition is rewritten [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form: socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
// CHECK-FIXES: #define OPEN_TCP() socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
int inside_macro_body(void) { return OPEN_TCP() + OPEN_TCP(); }
// CHECK-FIXES: int inside_macro_body(void) { return OPEN_TCP() + OPEN_TCP(); }

// Does not rewrite a definition when one of its expansions is not TCP: the
// expansion that is gets reported, naming the macro and its definition.
#define OPEN_STREAM(family) socket(family, SOCK_STREAM, 0)
// CHECK-FIXES: #define OPEN_STREAM(family) socket(family, SOCK_STREAM, 0)
int mixed_macro_expansions(void) {
  int inet = OPEN_STREAM(AF_INET);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: TCP stream socket{{.*}}; the call is spelled inside macro OPEN_STREAM defined at {{.*}}:[[@LINE-4]], and not every expansion of it can be ported in the definition: port it by hand [sctp-socket-protocol]
  // CHECK-MESSAGES: note: SCTP form: socket(family, SOCK_STREAM, IPPROTO_SCTP)
  int local = OPEN_STREAM(AF_UNIX);
  return inet + local;
}

// A flag is reported where the macro is used: there is nothing to edit.
#define SEND_URGENT(fd, c) send(fd, &c, 1, MSG_OOB)
void flag_in_macro_body(int fd) {
  char c = '!';
  SEND_URGENT(fd, c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: MSG_OOB sends TCP urgent data{{.*}} [sctp-oob-send]
}

// An argument that is a whole macro expansion is replaced whole.
#define PROTOCOL_OF(x) (x)
int argument_is_a_macro(void) { return socket(AF_INET, SOCK_STREAM, PROTOCOL_OF(0)); }
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: TCP stream socket{{.*}} [sctp-socket-protocol]
// CHECK-MESSAGES: note: SCTP form: socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)
// CHECK-FIXES: int argument_is_a_macro(void) { return socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); }

// Does not edit a macro that spells several arguments at once: editing it
// would change every other use of it; the call is left for review.
#define SOCKET_ARGS AF_INET, SOCK_STREAM, 0
int arguments_from_one_macro(void) { return socket(SOCKET_ARGS); }
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: TCP stream socket{{.*}}; part of the call comes from a macro expansion sctpify cannot edit: port it by hand [sctp-socket-protocol]
// No port of this call can be built, so the note is the rule's example and
// says so, rather than passing it off as this call's form.
// CHECK-MESSAGES: note: for example: int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
// CHECK-FIXES: #define SOCKET_ARGS AF_INET, SOCK_STREAM, 0
// CHECK-FIXES: int arguments_from_one_macro(void) { return socket(SOCKET_ARGS); }
