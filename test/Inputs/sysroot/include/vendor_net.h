/* A third-party header on a -isystem path: never reported, never edited. */
#include <sys/socket.h>
static inline int vendor_open(void) { return socket(AF_INET, SOCK_STREAM, 0); }
