// RUN: %check_sctpify %s %t --disable=sctp-stream-send
// (sctp-stream-send also speaks of every send(); sctp-stream-send.c tests it.)
// A flag whose deciding value is a parameter of the program's own wrapper is
// reported where the value is written: at each caller that passes a
// matching constant, naming the wrapper and the call inside it. Inside the
// wrapper the value is unknown, so nothing is said there. One level only;
// a parameter the wrapper changes is not followed.
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

static long my_send(int s, const void *b, unsigned long n, int flags) {
  return send(s, b, n, flags);
}

long urgent(int s) {
  return my_send(s, "!", 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MSG_OOB sends TCP urgent data{{.*}} (through my_send(), whose send() at line 13 gets it from this call) [sctp-oob-send]
  // CHECK-MESSAGES: note: send the signal as a message of its own
}

// Does not match a caller passing other flags.
long plain(int s) { return my_send(s, "x", 1, MSG_DONTWAIT); }

// Several parameters: the level and the option both come from the caller.
// The wrapper's call is ported at run time (a rewrite rule's helper); the
// option with no SCTP equivalent is flagged at the caller that names it.
int set_opt(int s, int level, int name, const void *v, socklen_t n) {
  return setsockopt(s, level, name, v, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: {{.*}} only known at run time{{.*}} [sctp-option-{{[a-z0-9-]+}}]
  // CHECK-MESSAGES: note: SCTP form: sctpify_setsockopt(s, level, name, v, n)
  // CHECK-FIXES: return sctpify_setsockopt(s, level, name, v, n);
}

int sign(int s, const struct tcp_md5sig *key) {
  return set_opt(s, IPPROTO_TCP, TCP_MD5SIG, key, sizeof *key);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: TCP MD5 signature option{{.*}} (through set_opt(), whose setsockopt() at line 29 gets it from this call) [sctp-option-md5sig]
  // CHECK-MESSAGES: note:
}

// Does not follow a parameter the wrapper changes before the call.
static long shifted_send(int s, const void *b, unsigned long n, int flags) {
  flags |= MSG_NOSIGNAL;
  return send(s, b, n, flags);
}
long urgent_shifted(int s) { return shifted_send(s, "!", 1, MSG_OOB); }
