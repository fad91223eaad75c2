#include "urgent.h"
long b(int fd) { return notify(fd); }
