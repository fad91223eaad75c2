# openssh: sshd, ssh, scp and sftp-server (scp speaks SFTP by default since
# OpenSSH 9.0), with OpenSSL; no PAM, Kerberos, SELinux, libedit or
# systemd. The privilege-separation directory and user are ones the test VM
# can provide from a read-only root: /tmp/sshd-privsep (on the VM's tmpfs)
# and nobody, since Debian's sshd user is not on every host.
packages="libssl-dev zlib1g-dev autoconf"
binaries="sshd ssh scp sftp-server"
# Debian's patches change configure.ac; like Debian's build, regenerate.
configure_project() {
  autoconf && autoheader
  ./configure -q CFLAGS="-O2 $warnings" --without-pam --without-selinux \
    --without-kerberos5 --without-libedit --without-security-key-builtin \
    --with-privsep-path=/tmp/sshd-privsep --with-privsep-user=nobody \
    --with-pid-dir=/tmp
}
build_project() { make -j"$jobs" -s sshd ssh scp sftp-server ssh-keygen; }
