#include "net.h"
int inet(void) { return OPEN_STREAM(AF_INET); }
