#!/bin/bash
# run-vm.sh SCTPIFY BUILD-DIR
#
# The real-codebase run (issue 7): ports mini-httpd, curl, memcached and
# socat with port.sh, then, in one boot of the test VM, runs each project
# twice: as upstream wrote it (TCP) and as sctpify converted it (SCTP).
# - mini-httpd serves a directory to curl: a small page, a large file and a
#   404; the large file also measures throughput;
# - curl keeps one connection alive for two requests to an HTTP/1.1 server
#   (Python's http.server on a socket of the variant's transport), since
#   mini-httpd closes after every response;
# - memcached answers set/get from a client on the variant's transport;
# - socat, as TCP-LISTEN/TCP relay between a socat server and a socat
#   client, carries the large file upstream and downstream.
# Passes when every exchange succeeds, the converted run's bodies are
# byte-identical to the original run's, and the kernel's counters show the
# converted run used SCTP and no TCP (and the original the reverse).
set -euo pipefail
sctpify=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
build=$(mkdir -p "$2" && cd "$2" && pwd -P)
here=$(cd "$(dirname "$0")" && pwd)
corpus=$(mkdir -p "$build/corpus" && cd "$build/corpus" && pwd -P)  # the VM sees no symlink out
counters="$here/../e2e/counters.sh"

"$here/port.sh" "$sctpify" "$corpus" mini-httpd curl memcached socat
"$here/../e2e/vm/prepare.sh" "$build/e2e/vm"

work="$corpus/vm-run"
rm -rf "$work" && mkdir -p "$work/www" "$work/original" "$work/converted"
echo "<html><body>sctpify: mini-httpd over SCTP</body></html>" > "$work/www/index.html"
head -c 33554432 /dev/urandom > "$work/www/big.bin"
head -c 4194304 "$work/www/big.bin" > "$work/www/mid.bin"

cat > "$work/run.sh" <<RUN
#!/bin/sh
cd "$work"
listening() {
  grep -qi ":\$(printf %04X \$1) 00000000:0000 0A" /proc/net/tcp /proc/net/tcp6 ||
    awk -v p=\$1 '\$6 == p { found = 1 } END { exit !found }' /proc/net/sctp/eps
}
wait_listen() {
  i=0
  while ! listening \$1 && [ \$i -lt 300 ]; do sleep 0.1; i=\$((i + 1)); done
}
window() { echo "\$1 \$2 \$3 \$("$counters")"; }
# An Ethernet-sized MTU for the exchanges: at loopback's own 65536, Linux
# SCTP moves bulk data at a few hundred KB/s (docs/case-studies.md); the
# throughput is measured at both.
mtu="/usr/bin/busybox ip link set lo mtu"
\$mtu 1500
port=8000
for v in original converted; do
  if [ \$v = original ]; then transport=tcp; else transport=sctp; fi
  curl="timeout 120 $corpus/curl/\$v/src/curl -q -s -S"

  port=\$((port + 1))
  window BEFORE \$v mini-httpd
  $corpus/mini-httpd/\$v/mini_httpd -D -p \$port -d "$work/www" -l "$work/\$v/mini_httpd.log" &
  server=\$!
  wait_listen \$port
  for page in index.html big.bin missing.html; do
    code=\$(\$curl -o "$work/\$v/\$page" -w '%{http_code}' http://127.0.0.1:\$port/\$page)
    echo "FETCH \$v \$page status=\$? code=\$code"
  done
  for i in 1 2 3; do
    speed=\$(\$curl -o /dev/null -w '%{speed_download}' http://127.0.0.1:\$port/big.bin)
    echo "SPEED \$v mtu=1500 bytes_per_second=\${speed%.*}"
  done
  \$mtu 65536
  speed=\$(\$curl -o /dev/null -w '%{speed_download}' http://127.0.0.1:\$port/mid.bin)
  echo "SPEED \$v mtu=65536 bytes_per_second=\${speed%.*}"
  \$mtu 1500
  kill \$server; wait \$server
  window AFTER \$v mini-httpd

  port=\$((port + 1))
  window BEFORE \$v keepalive
  /usr/bin/python3 "$here/peers.py" http-server \$port "$work/www" \$transport &
  server=\$!
  wait_listen \$port
  \$curl -v -o "$work/\$v/ka-index.html" http://127.0.0.1:\$port/index.html \
           -o "$work/\$v/ka-big.bin" http://127.0.0.1:\$port/big.bin 2> "$work/\$v/keepalive.log"
  echo "KEEPALIVE \$v status=\$? reused=\$(grep -c 'Re-using existing connection' "$work/\$v/keepalive.log")"
  kill \$server; wait \$server
  window AFTER \$v keepalive

  port=\$((port + 1))
  window BEFORE \$v memcached
  $corpus/memcached/\$v/memcached -u root -l 127.0.0.1 -p \$port -U 0 &
  server=\$!
  wait_listen \$port
  timeout 60 /usr/bin/python3 "$here/peers.py" memcache \$port \$transport
  echo "MEMCACHE \$v status=\$?"
  kill \$server; wait \$server
  window AFTER \$v memcached

  socat="timeout 120 $corpus/socat/\$v/socat"
  window BEFORE \$v socat
  for direction in up down; do
    relay_port=\$((port + 1)) server_port=\$((port + 2)); port=\$((port + 2))
    if [ \$direction = up ]; then
      \$socat -u TCP-LISTEN:\$server_port,reuseaddr CREATE:"$work/\$v/socat-up.bin" &
    else
      \$socat -u OPEN:"$work/www/big.bin" TCP-LISTEN:\$server_port,reuseaddr &
    fi
    server=\$!
    wait_listen \$server_port
    \$socat TCP-LISTEN:\$relay_port,reuseaddr TCP:127.0.0.1:\$server_port &
    relay=\$!
    wait_listen \$relay_port
    if [ \$direction = up ]; then
      \$socat -u OPEN:"$work/www/big.bin" TCP:127.0.0.1:\$relay_port
    else
      \$socat -u TCP:127.0.0.1:\$relay_port CREATE:"$work/\$v/socat-down.bin"
    fi
    client=\$?
    wait \$relay; relay=\$?
    wait \$server; server=\$?
    echo "SOCAT \$v \$direction client=\$client relay=\$relay server=\$server"
  done
  window AFTER \$v socat
done
RUN
chmod +x "$work/run.sh"
"$here/../e2e/vm/run-in-vm.sh" "$build/e2e/vm" "$work" > "$work/result" || {
  status=$?
  cat "$work/result"
  echo "run-vm: the VM run failed (status $status)"
  exit 1
}

# Judge on the host.
result="$work/result"
failed=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failed=1; }
count() { # count VARIANT WINDOW COUNTER: its change over the window
  local before after
  before=$(sed -n "s/^BEFORE $1 $2 .*\\b$3=\\([0-9]*\\).*/\\1/p" "$result")
  after=$(sed -n "s/^AFTER $1 $2 .*\\b$3=\\([0-9]*\\).*/\\1/p" "$result")
  echo $(( ${after:-0} - ${before:-0} ))
}
transport_ok() { # transport_ok VARIANT WINDOW: the right protocol, only it
  local sctp tcp
  sctp=$(count "$1" "$2" sctp_estabs) tcp=$(count "$1" "$2" tcp_opens)
  if [ "$1" = converted ]; then
    [ "$sctp" -ge 2 ] && [ "$tcp" -eq 0 ]
  else
    [ "$tcp" -ge 2 ] && [ "$sctp" -eq 0 ]
  fi
}
transport() {
  echo "SCTP association ends +$(count "$1" "$2" sctp_estabs)," \
       "SCTP packets +$(count "$1" "$2" sctp_packets), TCP opens +$(count "$1" "$2" tcp_opens)"
}
same() { cmp -s "$work/original/$1" "$work/converted/$1"; }

for v in original converted; do
  for expected in "index.html 200" "big.bin 200" "missing.html 404"; do
    set -- $expected
    grep -q "^FETCH $v $1 status=0 code=$2\$" "$result" ||
      fail "mini-httpd/curl $v: GET /$1 did not answer $2"
  done
  transport_ok $v mini-httpd || fail "mini-httpd/curl $v: wrong transport: $(transport $v mini-httpd)"
  transport_ok $v keepalive || fail "curl keep-alive $v: wrong transport: $(transport $v keepalive)"
  transport_ok $v memcached || fail "memcached $v: wrong transport: $(transport $v memcached)"
  transport_ok $v socat || fail "socat $v: wrong transport: $(transport $v socat)"
done
if same index.html && same big.bin && same missing.html &&
   cmp -s "$work/converted/big.bin" "$work/www/big.bin"; then
  pass "mini-httpd + curl: 200 small, 200 large (32 MiB), 404, bodies byte-identical to TCP; $(transport converted mini-httpd)"
else
  fail "mini-httpd + curl: the SCTP bodies differ from the TCP ones"
fi
if grep -q "^KEEPALIVE converted status=0 reused=1\$" "$result" &&
   grep -q "^KEEPALIVE original status=0 reused=1\$" "$result" &&
   [ "$(count converted keepalive sctp_estabs)" -eq 2 ] &&
   same ka-index.html && same ka-big.bin; then
  pass "curl keep-alive: two requests on one SCTP association, bodies byte-identical to TCP"
else
  fail "curl keep-alive: $(grep '^KEEPALIVE' "$result" | tr '\n' ' ')$(transport converted keepalive)"
fi
if grep -q "^MEMCACHE converted status=0" "$result" && grep -q "^MEMCACHE original status=0" "$result"; then
  pass "memcached: set/get over SCTP; $(transport converted memcached)"
else
  fail "memcached: $(grep '^MEMCACHE\|^memcache' "$result" | tr '\n' ' ')"
fi
if grep -q "^SOCAT converted up client=0 relay=0 server=0" "$result" &&
   grep -q "^SOCAT converted down client=0 relay=0 server=0" "$result" &&
   cmp -s "$work/converted/socat-up.bin" "$work/www/big.bin" &&
   cmp -s "$work/converted/socat-down.bin" "$work/www/big.bin" && same socat-up.bin; then
  pass "socat relay: 32 MiB up and down through TCP-LISTEN/TCP, over SCTP; $(transport converted socat)"
else
  fail "socat relay: $(grep '^SOCAT' "$result" | tr '\n' ' ')"
fi

best() { sed -n "s/^SPEED $1 mtu=$2 bytes_per_second=//p" "$result" | sort -n | tail -n 1; }
throughput() { # throughput MTU WHAT
  local tcp sctp
  tcp=$(best original "$1") sctp=$(best converted "$1")
  python3 -c "import sys; t, s = int(sys.argv[1] or 0), int(sys.argv[2] or 0)
print(f'throughput, {sys.argv[4]} from mini-httpd to curl, lo MTU {sys.argv[3]}:'
      f' TCP {t / 2**20:.1f} MiB/s, SCTP {s / 2**20:.2f} MiB/s (SCTP/TCP = {s / max(t, 1):.3f})')" \
    "$tcp" "$sctp" "$1" "$2"
}
throughput 1500 "32 MiB, best of 3"
throughput 65536 "4 MiB"
[ "$failed" = 0 ] || { echo "--- VM output"; cat "$result"; }
exit $failed
