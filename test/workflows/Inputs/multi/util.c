/* Nothing to port: sctpify skips this TU without parsing it. */
#include <string.h>
int util_length(const char *s) { return (int)strlen(s); }
