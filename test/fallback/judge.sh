#!/bin/sh
# judge.sh RESULT REPEATS NB NCXX: judges what vm.sh's run printed (on the
# host). NB: non-blocking modes per path (1 or 3); NCXX: the C++ client's
# modes against the TCP-only server.
# Prints PASS/FAIL per check, the connect-time table and the failure kinds,
# and "N passed, N failed"; exits non-zero on any failure.
set -eu
result=$1 repeats=$2 nb=${3:-3} ncxx=${4:-3}
passed=0 failed=0
pass() { echo "PASS $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
grep -q '^PROBE refused tcp result=ECONNREFUSED' "$result" && pass "setup: the second host answers" ||
  fail "setup: $(grep '^SETUP' "$result" | tr '\n' ' ')"

# Every exchange: status, bytes, transport by the program and by the kernel.
while read -r _ path client mode rest; do
  case "$path:$client" in
    nothing:*) continue ;;
    sctp-*:port_client*) want=sctp ;;
    *) want=tcp ;;
  esac
  case "$rest" in
    *"status=0 same=0 "*"transport=$want "*) ;;
    *) fail "$path $client $mode: $rest"; continue ;;
  esac
  if [ $want = sctp ]; then counts="sctp=1 tcp=0"; else counts="sctp=0 tcp=1"; fi
  case "$rest" in
    *"$counts "*) pass "$path $client $mode: byte-identical over $want (kernel: $counts)" ;;
    *) fail "$path $client $mode: the counters disagree: $rest" ;;
  esac
done <<EOF2
$(grep '^CASE ' "$result")
EOF2
n=$(grep -c '^CASE ' "$result" || true)
want=$((repeats * 10 + 5 * nb + 1 + ncxx + 4 + 2))
[ "$n" -eq $want ] && pass "all $n exchanges ran" || fail "$n exchanges ran, not $want"
for m in block poll; do
  grep -q "^CASE nothing port_client $m status=1 .*Connection refused" "$result" &&
    pass "nothing $m: neither transport answers; the program sees TCP's ECONNREFUSED" ||
    fail "nothing $m: $(grep "^CASE nothing port_client $m" "$result")"
done

served() { grep "^SERVER $1 " "$result" | grep -o "[0-9]* served transport=$2 bytes=100000" | awk '{print $1}'; }
[ "$(served ported-block sctp)" = $((repeats + nb + 1)) ] && [ "$(served ported-block tcp)" = "$repeats" ] &&
  pass "ported blocking server: $((repeats + nb + 1)) clients over SCTP and $repeats over TCP on the same port" ||
  fail "ported blocking server: $(grep '^SERVER ported-block' "$result")"
[ "$(served ported-epoll sctp)" = 2 ] && [ "$(served ported-epoll tcp)" = 2 ] &&
  pass "ported epoll server: 2 clients over SCTP and 2 over TCP on the same port" ||
  fail "ported epoll server: $(grep '^SERVER ported-epoll' "$result")"
[ "$(served tcp tcp)" = $((repeats * 8 + 4 * nb + ncxx)) ] &&
  pass "unported TCP server: $((repeats * 8 + 4 * nb + ncxx)) clients" ||
  fail "unported TCP server: $(grep '^SERVER tcp' "$result")"
grep -q '^ICMP [1-9][0-9]* answers' "$result" && pass "icmp_responder answered SCTP with protocol unreachable" ||
  fail "icmp_responder: $(grep '^ICMP' "$result")"

if grep -q '^NOMODULE rmmod sctp failed' "$result"; then
  echo "INFO rmmod sctp failed in the VM: no check of a kernel whose module is gone"
else
  grep -q "^NOMODULE sctponly status=1 err='socket: Protocol not supported" "$result" &&
    pass "sctp module removed: the protocol-only port fails with EPROTONOSUPPORT" ||
    fail "sctp module removed: $(grep '^NOMODULE sctponly' "$result")"
  grep -q '^NOMODULE port_client status=0 same=0 .*transport=tcp' "$result" &&
    pass "sctp module removed: the fallback port works over TCP" ||
    fail "sctp module removed: $(grep '^NOMODULE port_client' "$result")"
fi

# The 2005 study's browser hung on a hit counter from a TCP-only server.
# Client and servers share the VM's loopback, so the kernel counts both ends
# of the one SCTP association and of the one TCP connection.
page=$(grep '^PAGE port_page_client ' "$result" || true)
case "$page" in
  *"status=0 page=0 counter=0 sctp=2 tcp=2 "*"7080/page.html status=200 "*"transport=sctp"*"7081/counter.png status=200 "*"transport=tcp"*)
    pass "one run of the ported fetch: the page over SCTP, its counter from the TCP-only server over TCP, both byte-identical" ;;
  *) fail "page and counter: $page" ;;
esac
page=$(grep '^PAGE sctponly_page_client ' "$result" || true)
# (stdout and stderr share a file: their order is the buffers', not the run's)
case "$page" in
  *"status=1 page=0 counter="[12]" "*"7080/page.html status=200 "*) ;;
  *) page="FAIL $page" ;;
esac
case "$page" in
  FAIL*) fail "SCTP-only page and counter: ${page#FAIL }" ;;
  *"counter.png: Connection refused"*)
    pass "the SCTP-only port gets the page and loses the counter (what the fallback mode fixes)" ;;
  *) fail "SCTP-only page and counter: $page" ;;
esac

echo
echo "Connection set-up time, ms, from socket() to connected (block columns: median of $repeats; others: one run):"
printf '%-14s %10s %10s %10s %10s %10s\n' path "tcp(plain)" block poll select epoll
for path in sctp-server refused silent icmp-proto icmp-prohibit; do
  row=$(printf '%-14s' $path)
  for cm in "tcp_client block" "port_client block" "port_client poll" "port_client select" "port_client epoll"; do
    set -- $cm
    med=$(grep "^CASE $path $1 $2 " "$result" | sed -n 's/.*connect_us=\([0-9]*\).*/\1/p' | sort -n |
          awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int((NR + 1) / 2)] / 1000; else print "-" }')
    row="$row $(printf '%10s' "$med")"
  done
  echo "$row"
done
echo
echo "Page and counter, one run of the ported fetch (set-up ms; the counter's includes SCTP's refusal):"
grep '^PAGE port_page_client ' "$result" | grep -o 'FETCH [^ ]* status=[0-9]* bytes=[0-9]* connect_us=[0-9]* transport=[a-z]*' |
  awk '{ split($5, t, "="); printf "  %-40s %8.2f %s\n", $2, t[2] / 1000, $6 }'
echo
echo "Failure kinds (plain non-blocking connect, no fallback; 'pending' = no result within 3 s):"
grep '^PROBE ' "$result" | sed 's/^PROBE /  /'
echo
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
