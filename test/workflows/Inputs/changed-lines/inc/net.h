#include <netinet/in.h>
#include <sys/socket.h>

static inline int old_socket(void) {
  /* committed before the hook */
  return socket(AF_INET, SOCK_STREAM, 0);
}
