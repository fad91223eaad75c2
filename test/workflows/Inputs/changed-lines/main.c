#include "net.h"

int main(void) { return old_socket() < 0; }
