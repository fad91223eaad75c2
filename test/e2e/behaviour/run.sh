#!/bin/bash
# run.sh BUILD-DIR [SCTPIFY]
#
# The behaviour programs, in one boot of the e2e VM (test/e2e/vm):
# - each pattern's TCP form (X.c) over TCP: must pass;
# - its protocol-only port (X.c with socket(..., IPPROTO_SCTP), nothing else):
#   must fail, which shows what SCTP alone breaks;
# - its reference port (X_port.c, helpers.h) over SCTP: must pass;
# - sctpify's own port of X.c (sctpify -i, SCTPIFY defaults to
#   BUILD-DIR/bin/sctpify) over SCTP: must pass like the reference port, and
#   leave no finding behind (--check after -i);
# - helpers_on_tcp: the helpers on TCP sockets and non-sockets, which must do
#   what the calls they replace do; diagnostics and keepalive_measure: the
#   SCTP facts and numbers behind the helpers (docs/behaviour.md).
# Everything is compiled on the host and judged on the host: each step must
# say ok=1 and take less than 2 s, the ports must have run every step of the
# original, the SCTP runs must show SCTP associations and no TCP open, the TCP
# runs the reverse. helpers.h must compile as C (gnu11, c99) and C++17.
set -eu
build=$(mkdir -p "$1" && cd "$1" && pwd)
sctpify=${2:-$build/bin/sctpify}
here=$(cd "$(dirname "$0")" && pwd)
e2e=$(cd "$here/.." && pwd)
work="$build/e2e/behaviour"
rm -rf "$work" && mkdir -p "$work/bin" "$work/src" "$work/out"
patterns="keepalive hints linger stream fds"

"$e2e/vm/prepare.sh" "$build/e2e/vm" >/dev/null

cc="nice -n 10 cc -Wall -Wextra -Werror"
printf '#include "helpers.h"\nint main(void) { return sctpify_is_sctp(0); }\n' > "$work/src/header.c"
cp "$work/src/header.c" "$work/src/header.cc"
$cc -std=gnu11 -I"$here" -o "$work/bin/header-gnu11" "$work/src/header.c"
$cc -std=c99 -D_GNU_SOURCE -pedantic -I"$here" -o "$work/bin/header-c99" "$work/src/header.c"
nice -n 10 c++ -std=c++17 -Wall -Wextra -Werror -I"$here" -o "$work/bin/header-cxx17" "$work/src/header.cc"
for p in $patterns; do
  $cc -std=gnu11 -o "$work/bin/$p-tcp" "$here/$p.c"
  sed 's/socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)/socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)/g' \
    "$here/$p.c" > "$work/src/$p-proto.c"
  if cmp -s "$here/$p.c" "$work/src/$p-proto.c"; then
    echo "run.sh: $p.c has no socket() to switch" >&2; exit 1
  fi
  $cc -std=gnu11 -I"$here" -o "$work/bin/$p-proto" "$work/src/$p-proto.c"
  $cc -std=gnu11 -o "$work/bin/$p-port" "$here/${p}_port.c"
  # sctpify's port: the TCP program as a user would convert it.
  mkdir -p "$work/src/$p" && cp "$here/$p.c" "$here/step.h" "$work/src/$p/"
  "$sctpify" --quiet -i "$work/src/$p/$p.c" -- -std=gnu11 >"$work/src/$p/port.log" 2>&1 ||
    { cat "$work/src/$p/port.log"; echo "run.sh: sctpify -i $p.c failed" >&2; exit 1; }
  if ! "$sctpify" --quiet --check "$work/src/$p/$p.c" -- -std=gnu11 >"$work/src/$p/check.log" 2>&1; then
    cat "$work/src/$p/check.log"; echo "run.sh: $p.c still has findings after sctpify -i" >&2; exit 1
  fi
  $cc -std=gnu11 -o "$work/bin/$p-sctpify" "$work/src/$p/$p.c"
done
$cc -std=gnu11 -o "$work/bin/helpers_on_tcp-tcp" "$here/helpers_on_tcp.c"
$cc -std=gnu11 -o "$work/bin/diagnostics-sctp" "$here/diagnostics.c"
$cc -std=gnu11 -o "$work/bin/keepalive_measure-sctp" "$here/keepalive_measure.c"

runs=""
for p in $patterns; do runs="$runs $p-tcp $p-proto $p-port $p-sctpify"; done
runs="$runs helpers_on_tcp-tcp diagnostics-sctp keepalive_measure-sctp"
cat > "$work/run.sh" <<RUN
#!/bin/sh
cd "$work"
/usr/bin/busybox ip link set lo mtu 1500
echo "KERNEL \$(uname -r) lo_mtu=\$(cat /sys/class/net/lo/mtu)"
for run in $runs; do
  echo "BEFORE \$run \$("$e2e/counters.sh")"
  timeout 300 "./bin/\$run" > "out/\$run.txt" 2>&1
  echo \$? > "out/\$run.status"
  echo "AFTER \$run \$("$e2e/counters.sh")"
done
RUN
chmod +x "$work/run.sh"
status=0
nice -n 10 "$e2e/vm/run-in-vm.sh" "$build/e2e/vm" "$work" > "$work/result" || status=$?
cat "$work/result"
if [ $status -ne 0 ]; then echo "run.sh: the VM run failed (status $status)"; exit 1; fi

# Judge each run on the host.
passed=0 failed=0
pass() { echo "PASS $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
counter() { sed -n "s/^$1 $2 .*\\b$3=\\([0-9]*\\).*/\\1/p" "$work/result"; }
delta() { echo $(( $(counter AFTER "$1" "$2") - $(counter BEFORE "$1" "$2") )); }
for run in $runs; do
  out="$work/out/$run.txt"
  [ -f "$work/out/$run.status" ] || { fail "$run: did not run"; continue; }
  code=$(cat "$work/out/$run.status")
  sed "s/^/  $run | /" "$out"
  steps=$(grep -c '^STEP ' "$out" || true)
  bad=$(awk '/^STEP / { ok = $3; ms = $4; sub("ok=", "", ok); sub("ms=", "", ms);
                         if (ok != 1 || ms + 0 >= 2000) print $2 }' "$out" | tr '\n' ' ')
  sctp=$(delta "$run" sctp_estabs) tcp=$(delta "$run" tcp_opens)
  where="(sctp association ends +$sctp, tcp opens +$tcp)"
  case $run in
    *-proto)
      why=$(grep -m1 -E '^FATAL|^STEP .* ok=0' "$out" || true)
      [ -z "$why" ] && why=$(awk '/^STEP / { ms = $4; sub("ms=", "", ms); if (ms + 0 >= 2000) { print; exit } }' "$out")
      if [ "$code" -ne 0 ] && [ -n "$why" ] && [ "$tcp" -eq 0 ]; then
        pass "$run: the protocol-only port fails as expected: $why"
      else
        fail "$run: expected to fail over SCTP (status $code, $where)"
      fi ;;
    *)
      if [ "$code" -ne 0 ] || [ "$steps" -eq 0 ] || [ -n "$bad" ]; then
        fail "$run: status $code, $steps steps, failed or slow: ${bad:-none}"; continue
      fi
      case $run in
        *-port|*-sctpify)
          if [ "$sctp" -lt 2 ] || [ "$tcp" -ne 0 ]; then fail "$run: wrong transport $where"; continue; fi ;;
        diagnostics-sctp|keepalive_measure-sctp) # with TCP references
          if [ "$sctp" -lt 2 ]; then fail "$run: no SCTP association $where"; continue; fi ;;
        helpers_on_tcp-tcp) ;;
        *-tcp)
          if [ "$sctp" -ne 0 ] || [ "$tcp" -lt 2 ]; then fail "$run: wrong transport $where"; continue; fi ;;
      esac
      original=""
      case $run in *-port) original=${run%-port} ;; *-sctpify) original=${run%-sctpify} ;; esac
      if [ -n "$original" ]; then
        missing=""
        for step in $(awk '/^STEP / { print $2 }' "$work/out/$original-tcp.txt"); do
          grep -q "^STEP $step " "$out" || missing="$missing $step"
        done
        if [ -n "$missing" ]; then fail "$run: steps of the original missing:$missing"; continue; fi
      fi
      pass "$run: $steps steps ok, none >= 2 s $where" ;;
  esac
done
# Throughput (diagnostics, 2 rounds of 32 MiB each): mean MB/s per writer.
speed() {
  awk -v t="$1" -v w="$2" -v z="$3" '$1 == "MEASURE" && $3 == "transport=" t && $4 == "writer=" w &&
    $5 == "write_size=" z { sub("MBps=", "", $8); sum += $8; n++ } END { if (n) printf "%.1f", sum / n }' \
    "$work/out/diagnostics-sctp.txt"
}
helper=$(speed sctp sctpify_write 1048576) plain=$(speed sctp write 32768)
if [ -n "$helper" ] && [ -n "$plain" ]; then
  echo "THROUGHPUT sctp: sctpify_write(1 MiB) $helper MB/s, write(32 KiB) $plain MB/s," \
       "sctpify_write(32 KiB) $(speed sctp sctpify_write 32768) MB/s, write(64 KiB) $(speed sctp write 65536) MB/s," \
       "write(16 KiB) $(speed sctp write 16384) MB/s; tcp write(1 MiB) $(speed tcp write 1048576) MB/s;" \
       "ratio sctpify_write(1 MiB) / write(32 KiB) = $(awk -v a="$helper" -v b="$plain" 'BEGIN { printf "%.2f", a / b }')"
else
  fail "throughput: no measurement"
fi
echo "behaviour: $passed passed, $failed failed"
[ $failed -eq 0 ]
