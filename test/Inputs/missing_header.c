#include <sys/socket.h>
#include "no_such_header.h"
int f(void) { return socket(AF_INET, SOCK_STREAM, 0); }
