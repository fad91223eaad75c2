#include "endpoint.h"
int server(void) { return open_endpoint(); }
