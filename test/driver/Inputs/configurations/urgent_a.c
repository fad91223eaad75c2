#include "urgent.h"
long a(int fd) { return notify(fd); }
