# curl: the command-line client and libcurl (static), HTTP(S)-less build so
# nothing beyond Debian's base libraries is needed.
packages="zlib1g-dev"
# curl's own rule (lib/memdebug.h): it is the last include of every file.
sctpify_config='keep-last-includes: ["memdebug.h"]'
configure_project() {
  ./configure -q CFLAGS="-O2 $warnings" --disable-shared --without-ssl \
    --without-libpsl --without-brotli --without-zstd --without-libidn2 \
    --without-nghttp2 --without-librtmp --without-libssh2 --disable-ldap \
    --disable-manual
}
build_project() { make -j"$jobs" -s; }
