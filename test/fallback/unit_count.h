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
#define socket(d, t, p) unit_counted_socket(d, t, p)
#endif
