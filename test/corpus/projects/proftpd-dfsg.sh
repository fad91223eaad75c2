# proftpd-dfsg: ProFTPD 1.3.8, the FTP server the 2005 study saw stall
# (vsftpd's and pure-ftpd's Debian 12 sources cannot be fetched here: every
# file 404s, see docs/case-studies.md). proftpd's default static modules
# (mod_core, mod_xfer, mod_ls, mod_auth_file, ...), sendfile and IPv6 as in
# Debian's build; no PAM, capabilities, NLS, ncurses or shared modules.
packages="libcrypt-dev"
binaries="proftpd"
configure_project() {
  ./configure -q CFLAGS="-O2 $warnings" --enable-sendfile --enable-ipv6 \
    --disable-auth-pam --disable-cap --disable-nls --disable-ncurses \
    --disable-shadow --disable-dso --disable-ident --without-pic
}
build_project() { make -j"$jobs" -s proftpd; }
