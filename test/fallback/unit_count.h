/* unit_count.h: for the host unit test only. Counts the socket() calls the
 * helpers make for SCTP, by renaming socket() in the helpers' text; shared
 * by the C and the C++ translation unit. */
#ifndef UNIT_COUNT_H
#define UNIT_COUNT_H
#include <sys/socket.h>
#ifdef __cplusplus
extern "C" {
#endif
int unit_counted_socket(int domain, int type, int protocol);
extern int unit_sctp_attempts; /* atomic */
int unit_cxx_checks(void);     /* the C++ unit's part; 0 when it passes */
#ifdef __cplusplus
}
#endif
/* Which transport fd uses (SO_PROTOCOL), -1 if it is no socket. */
static inline int unit_transport(int fd) {
  int proto = 0;
  socklen_t len = sizeof proto;
  return getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) < 0 ? -1 : proto;
}
/* Whether the helpers found that the kernel has no SCTP (after fallback.h). */
#define unit_lacks_sctp() __atomic_load_n(&sctpify_fb_state_v1.no_sctp, __ATOMIC_RELAXED)
#define socket(d, t, p) unit_counted_socket(d, t, p)
#endif
