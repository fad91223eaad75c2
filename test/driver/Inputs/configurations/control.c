#include "endpoint.h"
int control(void) { return open_endpoint(); }
