#!/bin/sh
# host.sh [BUILD-DIR]: the fallback mode on this host, whose kernel has no
# SCTP (no VM). Passes when:
# - the unit test passes (creation falls back, "no SCTP" is remembered and
#   shared by C and C++ units, pass-through, the epoll/dup2 kernel facts);
# - the ported (fallback) echo client and server, in C and C++, talk over
#   TCP in every connect mode (blocking; non-blocking with poll, select,
#   epoll), against each other and against the unported TCP programs, with
#   a blocking and an epoll server, and every echo is byte-identical;
# - the protocol-only port (no fallback) fails with EPROTONOSUPPORT.
# Exits 77 (a skip ctest shows) if this kernel has SCTP: the premise fails.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(mkdir -p "${1:-${TMPDIR:-/tmp}/sctpify-fallback-host}" && cd "${1:-${TMPDIR:-/tmp}/sctpify-fallback-host}" && pwd)
bin="$build/bin"
work="$build/run"
rm -rf "$work" && mkdir -p "$work"
"$here/build.sh" "$bin"

if python3 -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)' 2>/dev/null; then
  echo "host.sh: this kernel has SCTP; the fallback host test needs one without (skipped)"
  exit 77
fi

passed=0 failed=0
pass() { echo "PASS $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

head -c 300000 /dev/urandom > "$work/data"
port=$((20000 + $$ % 20000))

wait_ready() { # LOG PID
  i=0
  while ! grep -q '^ready' "$1" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || return 1
    i=$((i + 1)); [ $i -lt 100 ] || return 1
    sleep 0.05
  done
}

# The unit test.
if "$bin/unit_fallback" > "$work/unit.log" 2>&1; then
  pass "unit: $(grep -c '^PASS' "$work/unit.log") checks"
else
  fail "unit"
fi
sed 's/^/  unit: /' "$work/unit.log"

# run_set NAME SERVER MODE CLIENT:MODE...: one server, its clients one after
# another; each echo must be byte-identical and over TCP.
run_set() {
  name=$1 server=$2 smode=$3; shift 3
  port=$((port + 1))
  "$bin/$server" 127.0.0.1 $port $# $smode 2> "$work/$name.server" &
  spid=$!
  if ! wait_ready "$work/$name.server" $spid; then
    fail "$name: the server did not start: $(cat "$work/$name.server")"; kill $spid 2>/dev/null; return
  fi
  for c in "$@"; do
    client=${c%:*} mode=${c#*:}
    tag="$name $client $mode"
    if "$bin/$client" 127.0.0.1 $port $mode < "$work/data" > "$work/out" 2> "$work/err" &&
       cmp -s "$work/data" "$work/out" && grep -q 'transport=tcp' "$work/err"; then
      pass "$tag: 300000 bytes echoed byte-identically over TCP ($(grep -o 'connect_us=[0-9]*' "$work/err"))"
    else
      fail "$tag: $(tr '\n' ' ' < "$work/err")"
    fi
  done
  if wait $spid && [ "$(grep -c 'served transport=tcp bytes=300000' "$work/$name.server")" -eq $# ]; then
    pass "$name: $server ($smode) served $# clients over TCP"
  else
    fail "$name: $server ($smode): $(tr '\n' ' ' < "$work/$name.server")"
  fi
}

run_set ported-block port_server block \
  port_client:block port_client_cxx:poll port_client:select port_client_cxx:epoll tcp_client:block
run_set ported-epoll port_server_cxx epoll \
  port_client_cxx:block port_client:poll port_client_cxx:select port_client:epoll tcp_client_cxx:epoll
run_set unported-server tcp_server block \
  port_client:block port_client:poll port_client:select port_client:epoll

# The protocol-only port cannot run here.
port=$((port + 1))
if "$bin/sctponly_server" 127.0.0.1 $port 1 block 2> "$work/sctponly.server"; then
  fail "protocol-only server: it started"
elif grep -q 'socket: Protocol not supported' "$work/sctponly.server"; then
  pass "protocol-only server: fails with EPROTONOSUPPORT, as fallback mode avoids"
else
  fail "protocol-only server: $(cat "$work/sctponly.server")"
fi
if "$bin/sctponly_client" 127.0.0.1 $port block < "$work/data" > /dev/null 2> "$work/sctponly.client"; then
  fail "protocol-only client: it ran"
elif grep -q 'socket: Protocol not supported' "$work/sctponly.client"; then
  pass "protocol-only client: fails with EPROTONOSUPPORT, as fallback mode avoids"
else
  fail "protocol-only client: $(cat "$work/sctponly.client")"
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
