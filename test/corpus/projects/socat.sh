# socat: a relay between two byte streams of almost any kind.
packages=""
configure_project() {
  ./configure -q CFLAGS="-O2 $warnings" --disable-openssl --disable-readline \
    --disable-libwrap
}
build_project() { make -j"$jobs" -s socat; }
