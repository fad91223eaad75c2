#include "proj.h"
int open_through_macro(void) { return OPEN_STREAM(); }
