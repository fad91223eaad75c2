/* For test/engine/yields-mixed.c: two C library style functions that return
 * stream sockets, which test/Inputs/yields-mixed.yaml's rules port. */
int open_stream(const char *host);
int open_stream_or_sctp(const char *host);
