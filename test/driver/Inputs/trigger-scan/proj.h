/* A project header every TU includes: it declares, but never uses, names
   that rules match on (a member called ai_protocol, a function pointer
   member called send), as curl's urldata.h does. */
#include <sys/socket.h>
#include <netinet/in.h>
#include <netdb.h>
#include <stddef.h>
#include <sys/types.h>

struct endpoint {
  int ai_protocol;
  ssize_t (*send)(int, const void *, size_t, int);
};

#define OPEN_STREAM() socket(AF_INET, SOCK_STREAM, 0)
