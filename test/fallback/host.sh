#!/bin/sh
# host.sh BUILD-DIR SCTPIFY: the TCP fallback mode on this host, whose kernel
# has no SCTP (no VM). build.sh makes the ports with `sctpify --fallback=tcp`
# from the TCP programs (tcp_client.c, tcp_server.c, examples/), and again
# without the mode. Passes when:
# - every port builds with -Werror as C and C++, and a second sctpify run
#   over it changes nothing (build.sh);
# - the unit test passes (creation falls back, "no SCTP" is remembered and
#   shared by C and C++ units, pass-through, the epoll/dup2 kernel facts);
# - the ported echo client and server, in C and C++, talk over TCP in every
#   connect mode (blocking; non-blocking with poll, select, epoll), against
#   each other and against the unported TCP programs, with a blocking and
#   an epoll server, and every echo is byte-identical;
# - the ported examples (echo in C and C++, HTTP) talk over TCP, to each
#   other and to unported clients, byte-identically;
# - the port made without the mode fails with EPROTONOSUPPORT.
# Exits 77 (a skip ctest shows) if this kernel has SCTP: the premise fails.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(mkdir -p "$1" && cd "$1" && pwd)
sctpify=$2
bin="$build/bin"
work="$build/run"
rm -rf "$work" && mkdir -p "$work"
start=$(date +%s)
"$here/build.sh" "$bin" "$sctpify"
echo "INFO ports made and built in $(($(date +%s) - start)) s"

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

# The examples, ported with --fallback=tcp. retry CMD...: a server may not
# listen yet (a refused connect does not count as one of its clients).
retry() {
  i=0
  until "$@"; do
    i=$((i + 1)); [ $i -lt 50 ] || return 1
    sleep 0.1
  done
}
echo_set() { # SERVER CLIENT...
  server=$1; shift
  port=$((port + 1))
  "$bin/$server" $port $# > /dev/null 2> "$work/$server.err" &
  spid=$!
  for client in "$@"; do
    message="fallback echo from $client $$"
    if out=$(retry "$bin/$client" $port "$message" 2> "$work/$client.err") &&
       [ "$out" = "$message" ]; then
      pass "examples: $client echoed by $server"
    else
      fail "examples: $client against $server: $out $(cat "$work/$client.err")"
    fi
  done
  if wait $spid; then pass "examples: $server served $# clients"; else fail "examples: $server: $(cat "$work/$server.err")"; fi
}
echo_set port_echo_server port_echo_client port_echo_client_cxx echo_client
echo_set port_echo_server_cxx port_echo_client_cxx port_echo_client

mkdir -p "$work/www" "$work/got" "$work/got2"
head -c 100000 /dev/urandom > "$work/www/big.bin"
echo '<html>counter: 1</html>' > "$work/www/index.html"
port=$((port + 1))
"$bin/port_http_server" $port "$work/www" 2 2> "$work/http.server" &
spid=$!
for c in port_http_client:got http_client:got2; do
  client=${c%:*} dir="$work/${c#*:}"
  if retry "$bin/$client" $port "$dir" /index.html /big.bin > "$work/$client.out" 2>&1 &&
     cmp -s "$dir/1.body" "$work/www/index.html" && cmp -s "$dir/2.body" "$work/www/big.bin"; then
    pass "examples: $client fetched a page and 100000 bytes from port_http_server byte-identically"
  else
    fail "examples: $client: $(cat "$work/$client.out")"
  fi
done
if wait $spid; then pass "examples: port_http_server served 2 connections"; else fail "examples: port_http_server: $(cat "$work/http.server")"; fi

# A browser's fetch (page_client.c, ported): a page, then the image it names
# on another server, in one run; both TCP here. vm.sh runs the same with an
# SCTP-only page server and a TCP-only image server.
mkdir -p "$work/pagewww" "$work/page"
port=$((port + 1)) && page_port=$port && port=$((port + 1))
printf '<html><img src="http://127.0.0.1:%s/counter.png"></html>\n' $port > "$work/pagewww/page.html"
head -c 5000 /dev/urandom > "$work/pagewww/counter.png"
peers="$here/../corpus/peers.py"
python3 "$peers" http-server $page_port "$work/pagewww" tcp & p1=$!
python3 "$peers" http-server $port "$work/pagewww" tcp & p2=$!
if retry "$bin/port_page_client" "http://127.0.0.1:$page_port/page.html" "$work/page" > "$work/page.out" 2>&1 &&
   cmp -s "$work/page/page.html" "$work/pagewww/page.html" &&
   cmp -s "$work/page/counter.png" "$work/pagewww/counter.png" &&
   [ "$(grep -c 'status=200 .*transport=tcp' "$work/page.out")" -eq 2 ]; then
  pass "port_page_client: a page and the image it names on another server, over TCP, byte-identical"
else
  fail "port_page_client: $(tr '\n' ' ' < "$work/page.out")"
fi
kill $p1 $p2; wait $p1 $p2 2>/dev/null || true

# The SCTP-only port (sctpify without --fallback) cannot run here.
port=$((port + 1))
if "$bin/sctponly_server" 127.0.0.1 $port 1 block 2> "$work/sctponly.server"; then
  fail "SCTP-only port, server: it started"
elif grep -q 'socket: Protocol not supported' "$work/sctponly.server"; then
  pass "SCTP-only port (no --fallback): the server fails with EPROTONOSUPPORT"
else
  fail "SCTP-only port, server: $(cat "$work/sctponly.server")"
fi
if "$bin/sctponly_client" 127.0.0.1 $port block < "$work/data" > /dev/null 2> "$work/sctponly.client"; then
  fail "SCTP-only port, client: it ran"
elif grep -q 'socket: Protocol not supported' "$work/sctponly.client"; then
  pass "SCTP-only port (no --fallback): the client fails with EPROTONOSUPPORT"
else
  fail "SCTP-only port, client: $(cat "$work/sctponly.client")"
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
