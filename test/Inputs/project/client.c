#include "net_util.h"
int client(void) { return net_open_stream() + socket(AF_INET6, SOCK_STREAM, 0); }
