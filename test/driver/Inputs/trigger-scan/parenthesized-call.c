#include "proj.h"
int open_parenthesized(void) { return (socket)(AF_INET, SOCK_STREAM, 0); }
