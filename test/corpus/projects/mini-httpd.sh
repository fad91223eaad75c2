# mini-httpd: a small HTTP server; a plain Makefile, OpenSSL compiled in.
packages="libssl-dev libcrypt-dev"
configure_project() { :; }
# The Makefile compiles mini_httpd.c with $(LDFLAGS), not $(CFLAGS), so the
# warning flags go into CC to reach every file.
build_project() { make -j"$jobs" CC="gcc $warnings" mini_httpd; }
