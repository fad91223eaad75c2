#!/bin/sh
# build.sh OUT-DIR SCTPIFY: makes the fallback test programs in OUT-DIR, each
# built with -Wall -Wextra -Werror, as C (gnu11) and as C++ (17, suffix _cxx):
# - tcp_client, tcp_server: the TCP programs as written;
# - port_client, port_server: what `sctpify --fallback=tcp` makes of them
#   (the C++ ones from the same text ported as C++);
# - sctponly_client, sctponly_server: what sctpify makes of them without the
#   mode (SCTP only), C only;
# - port_echo_client, port_echo_server (examples/echo-c),
#   port_echo_client_cxx, port_echo_server_cxx (examples/echo-cpp),
#   port_http_client, port_http_server (examples/http): the examples ported
#   with --fallback=tcp; echo_client, http_client: two of them unported;
# - page_client, port_page_client, sctponly_page_client: a browser's fetch
#   of a page and the requisites it names, as written, ported with
#   --fallback=tcp and ported without it;
# - unit_fallback: the host unit test (a C and a C++ unit linked together)
#   over fallback.h, generated from the mode's rule file;
# - probe, icmp_responder: the VM's tools.
# Every port is made twice: a second sctpify run over it must change nothing.
# OUT-DIR/src keeps the ported sources and sctpify's reports.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
sctpify=$2
case $sctpify in /*) ;; */*) sctpify=$(pwd)/$sctpify ;; esac # port() cds
cc=${CC:-cc}
cxx=${CXX:-c++}
flags="-Wall -Wextra -Werror -O2"
src="$out/src"
rm -rf "$src" && mkdir -p "$src"

# port NAME LANG SCTPIFY-ARGS MAIN [HEADER...]: copies MAIN (and the headers
# it includes) into a directory of its own, ports it there in place and
# builds OUT-DIR/NAME. One program per run, so that a header is ported for
# the program that includes it (the client's echo_io.h is not the server's).
port() {
  name=$1 lang=$2 args=$3 main=$4
  shift 4
  dir="$src/$name"
  mkdir -p "$dir"
  if [ "$lang" = c++ ]; then
    file="$dir/$(basename "${main%.*}").cpp" std=-std=c++17 compiler=$cxx
  else
    file="$dir/$(basename "$main")" std=-std=gnu11 compiler=$cc
  fi
  cp "$main" "$file"
  for h in "$@"; do cp "$h" "$dir/"; done
  for run in 1 2; do
    [ $run = 1 ] || cp -r "$dir" "$dir.first"
    if ! (cd "$dir" && "$sctpify" --color=false $args -i "$(basename "$file")" -- $std) \
         > "$dir.report$run" 2>&1; then
      cat "$dir.report$run" >&2
      echo "build.sh: sctpify $args failed on $name (run $run)" >&2
      exit 1
    fi
  done
  if ! diff -r "$dir.first" "$dir" >&2; then
    echo "build.sh: a second sctpify $args run changed the port of $name" >&2
    exit 1
  fi
  rm -rf "$dir.first"
  $compiler $std $flags -o "$out/$name" "$file"
}

for p in client server; do
  $cc -std=gnu11 $flags -o "$out/tcp_$p" "$here/tcp_$p.c"
  $cxx -x c++ -std=c++17 $flags -o "$out/tcp_${p}_cxx" "$here/tcp_$p.c"
  port port_$p c --fallback=tcp "$here/tcp_$p.c" "$here/echo_io.h"
  port port_${p}_cxx c++ --fallback=tcp "$here/tcp_$p.c" "$here/echo_io.h"
  port sctponly_$p c "" "$here/tcp_$p.c" "$here/echo_io.h"
  grep -q IPPROTO_SCTP "$src/sctponly_$p/tcp_$p.c" || {
    echo "build.sh: sctpify without --fallback did not port tcp_$p.c to SCTP" >&2; exit 1; }
  grep -q sctpify_fallback_socket "$src/port_$p/tcp_$p.c" || {
    echo "build.sh: sctpify --fallback=tcp did not port tcp_$p.c" >&2; exit 1; }
done

ex="$root/examples"
for p in client server; do
  port port_echo_$p c --fallback=tcp "$ex/echo-c/echo_$p.c"
  port port_http_$p c --fallback=tcp "$ex/http/http_$p.c"
done
port port_echo_client_cxx c++ --fallback=tcp "$ex/echo-cpp/echo_client.cpp"
port port_echo_server_cxx c++ --fallback=tcp "$ex/echo-cpp/echo_server.cpp" "$ex/echo-cpp/socket.h"
# A browser's fetch of a page and its requisite from two servers (vm.sh).
$cc -std=gnu11 $flags -o "$out/page_client" "$here/page_client.c"
port port_page_client c --fallback=tcp "$here/page_client.c"
port sctponly_page_client c "" "$here/page_client.c"
grep -q sctpify_fallback_connect "$src/port_page_client/page_client.c" || {
  echo "build.sh: sctpify --fallback=tcp did not port page_client.c" >&2; exit 1; }
$cc -std=gnu11 $flags -o "$out/echo_client" "$ex/echo-c/echo_client.c"
$cc -std=gnu11 $flags -o "$out/http_client" "$ex/http/http_client.c"

python3 "$here/gen_header.py" "$root/rules" "$out/fallback.h"
$cc -std=gnu11 $flags -I"$out" -c -o "$out/unit_c.o" "$here/unit_c.c"
$cxx -std=c++17 $flags -I"$out" -c -o "$out/unit_cxx.o" "$here/unit_cxx.cpp"
$cxx -o "$out/unit_fallback" "$out/unit_c.o" "$out/unit_cxx.o" -pthread
for p in probe icmp_responder; do
  [ -f "$here/$p.c" ] && $cc -std=gnu11 $flags -I"$out" -o "$out/$p" "$here/$p.c"
done
exit 0
