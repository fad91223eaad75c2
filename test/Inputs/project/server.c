#include "net_util.h"
#include <vendor_net.h>
int server(void) { return net_open_stream() + vendor_open(); }
