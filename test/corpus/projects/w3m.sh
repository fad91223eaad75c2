# w3m: the text-mode browser, chosen over lynx because lynx's Debian 12
# source cannot be fetched here (every file 404s) while w3m's upstream
# tarball can; its Debian diff 404s, so this is the tarball alone
# (w3m:orig). HTTP only: no SSL, images, NNTP, Gopher or mouse; it needs
# Boehm's GC.
sources="w3m:orig"
binaries="w3m"
packages="libgc-dev libncurses-dev"
configure_project() {
  ./configure -q CFLAGS="-O2 $warnings" --without-ssl --disable-image \
    --disable-nntp --disable-gopher --disable-mouse --disable-w3mmailer \
    --disable-m17n --disable-nls --disable-help-cgi --without-migemo
}
build_project() { make -j"$jobs" -s w3m; }
