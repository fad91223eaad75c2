// The C++ translation unit of the host unit test (see unit_c.c): compiled as
// C++17, linked with the C one; the helpers' state is shared.
#include "unit_count.h"
#include "fallback.h"

extern "C" int unit_cxx_checks(void) {
  if (!unit_lacks_sctp())
    return 1;
  for (int i = 0; i < 10; i++) {
    int fd = sctpify_fallback_socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (fd < 0 || unit_transport(fd) != IPPROTO_TCP)
      return 1;
    sctpify_fallback_close(fd);
  }
  return 0;
}
