#include "proj.h"
int is_tcp(const struct endpoint *e) { return e->ai_protocol == IPPROTO_TCP; }
