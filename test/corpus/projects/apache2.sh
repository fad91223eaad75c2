# apache2: Apache httpd 2.4 with APR and APR-util built from their own Debian
# sources in srclib/ (httpd's --with-included-apr), where the sockets are:
# APR's network_io/unix/. Linked statically; the event MPM; static mod_mime,
# mod_dir, mod_unixd (running as root), mod_authz_core, mod_log_config; no
# SSL, no shared modules.
sources="apache2 apr apr-util"
binaries="httpd"
packages="libpcre2-dev libexpat1-dev"
add_sources() {
  cp -a "$(ls -d "$1"/apr/*/ | head -n 1)" srclib/apr
  cp -a "$(ls -d "$1"/apr-util/*/ | head -n 1)" srclib/apr-util
  # Debian's apr-config.in points at an installed APR; the in-tree build
  # needs upstream's.
  (cd srclib/apr && patch -s -R -p1 < debian/patches/fix_apr-config.patch)
}
# APR's configure compiles some checks with -Werror, which -Wextra breaks, so
# the warning flags go to make (EXTRA_CFLAGS) and not to configure.
configure_project() {
  ./configure -q CFLAGS="-O2" --with-included-apr --disable-shared \
    --with-mpm=event --enable-modules=none \
    --enable-mods-static="mime dir unixd authz_core log_config" \
    --with-pcre=/usr/bin/pcre2-config
}
# Debian's reproducible-build patch takes the build date from its rules;
# CPPFLAGS is the one variable of httpd's and APR's makefiles that is empty
# (EXTRA_CPPFLAGS holds -D_GNU_SOURCE).
build_project() {
  make -j"$jobs" -s EXTRA_CFLAGS="$warnings" \
    CPPFLAGS='-DBUILD_DATETIME=\"debian-12\"'
}
