# memcached: an event-driven cache server on libevent.
packages="libevent-dev"
# Its own build already uses -Wall -Werror: any new warning fails the build.
warnings=""
configure_project() {
  ./configure -q CFLAGS="-O2 $warnings" --disable-sasl --disable-extstore \
    --disable-docs --disable-coverage
}
build_project() { make -j"$jobs" -s memcached; }
