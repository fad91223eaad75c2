#!/bin/sh
# build.sh OUT-DIR: builds the fallback test programs into OUT-DIR: each
# client and server as C (gnu11) and as C++ (17, suffix _cxx), the host unit
# test (a C and a C++ unit linked together), and the VM tools. All with
# -Wall -Wextra -Werror.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
cc=${CC:-cc}
cxx=${CXX:-c++}
flags="-Wall -Wextra -Werror -O2"
for p in tcp_client tcp_server port_client port_server; do
  $cc -std=gnu11 $flags -o "$out/$p" "$here/$p.c"
  $cxx -x c++ -std=c++17 $flags -o "$out/${p}_cxx" "$here/$p.c"
done
$cc -std=gnu11 $flags -c -o "$out/unit_c.o" "$here/unit_c.c"
$cxx -std=c++17 $flags -c -o "$out/unit_cxx.o" "$here/unit_cxx.cpp"
$cxx -o "$out/unit_fallback" "$out/unit_c.o" "$out/unit_cxx.o" -pthread
for p in probe icmp_responder; do
  [ -f "$here/$p.c" ] && $cc -std=gnu11 $flags -o "$out/$p" "$here/$p.c"
done
# The protocol-only port (what sctpify writes without fallback mode): the
# TCP form with IPPROTO_SCTP sockets and SCTP_NODELAY.
for p in tcp_client tcp_server; do
  sed -e 's/socket(AF_INET, SOCK_STREAM\( | SOCK_CLOEXEC\)*, 0)/socket(AF_INET, SOCK_STREAM\1, IPPROTO_SCTP)/' \
      -e 's/IPPROTO_TCP, TCP_NODELAY/IPPROTO_SCTP, SCTP_NODELAY/' \
      -e 's|#include <netinet/tcp.h>|#include <netinet/sctp.h>|' \
      -e "s|#include \"echo_io.h\"|#include \"$here/echo_io.h\"|" \
      "$here/$p.c" > "$out/sctponly_$p.c"
  [ "$(grep -c IPPROTO_SCTP "$out/sctponly_$p.c")" -ge 2 ] || {
    echo "build.sh: the protocol-only port of $p.c did not come out" >&2; exit 1; }
  $cc -std=gnu11 $flags -o "$out/sctponly_${p#tcp_}" "$out/sctponly_$p.c"
done
