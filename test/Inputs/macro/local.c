#include "net.h"
int local(void) { return OPEN_STREAM(AF_UNIX); }
