#!/bin/bash
# run-e2e.sh SCTPIFY BUILD-DIR
#
# Everything that needs real SCTP, in one VM boot:
# - the C and C++ echo examples, as written (TCP) and as converted by
#   sctpify, run as server and client: each exchange must succeed, the
#   converted ones over SCTP with no TCP connection, the originals the
#   reverse (kernel counters);
# - hazards.c: the run-time behaviour behind each sctpify flag.
set -eu
sctpify=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
build=$(mkdir -p "$2" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source_root=$(cd "$here/../.." && pwd)
work="$build/e2e/run"
rm -rf "$work" && mkdir -p "$work"

# Build the originals and the converted copies on the host.
for variant in original converted; do
  cp -r "$source_root/examples" "$work/$variant"
  cmake -S "$work/$variant" -B "$work/$variant/build" -G Ninja >/dev/null
  if [ "$variant" = converted ]; then
    (cd "$work/$variant" && "$sctpify" -p build -i --quiet >/dev/null)
  fi
  cmake --build "$work/$variant/build" >/dev/null
done

cc -std=gnu11 -Wall -Wextra -Werror -o "$work/hazards" "$here/hazards.c"
# What the HTTP example serves: a small page and a body of a few hundred KB.
mkdir -p "$work/www"
echo "<html><body>sctpify</body></html>" > "$work/www/index.html"
head -c 400000 /dev/urandom > "$work/www/big.bin"

cat > "$work/run.sh" <<RUN
#!/bin/sh
cd "$work"
port=7000
for variant in original converted; do
  for lang in c cpp; do
    if [ \$lang = c ]; then dir=echo-c suffix=; else dir=echo-cpp suffix=_cpp; fi
    bin="$work/\$variant/build/\$dir"
    port=\$((port + 1))
    before=\$("$here/counters.sh")
    "\$bin/echo_server\$suffix" \$port 1 & server=\$!
    sleep 0.3
    reply=\$("\$bin/echo_client\$suffix" \$port "hello over \$variant \$lang"); status=\$?
    wait \$server
    after=\$("$here/counters.sh")
    echo "RUN \$variant \$lang status=\$status reply='\$reply'"
    echo "BEFORE \$variant \$lang \$before"
    echo "AFTER \$variant \$lang \$after"
  done
done
"$work/hazards"
echo "HAZARDS status=\$?"
for variant in original converted; do
  port=\$((port + 1))
  mkdir -p "$work/http-\$variant"
  before=\$("$here/counters.sh")
  start=\$(date +%s%N)
  "$work/\$variant/build/http/http_server" \$port "$work/www" 1 & server=\$!
  sleep 0.3
  "$work/\$variant/build/http/http_client" \$port "$work/http-\$variant" \
      /index.html /big.bin /missing /index.html > "$work/http-\$variant/statuses"
  status=\$?
  wait \$server
  end=\$(date +%s%N)
  after=\$("$here/counters.sh")
  echo "RUN \$variant http status=\$status ms=\$(( (end - start) / 1000000 ))"
  echo "BEFORE \$variant http \$before"
  echo "AFTER \$variant http \$after"
done
RUN
chmod +x "$work/run.sh"
"$here/vm/run-in-vm.sh" "$build/e2e/vm" "$work" > "$work/result" || {
  status=$?
  cat "$work/result"
  echo "run-e2e: the VM run failed (status $status)"
  exit 1
}
cat "$work/result"

# Judge each run on the host.
failed=0
value() { sed -n "s/^$1 $2 $3 .*\\b$4=\\([0-9]*\\).*/\\1/p" "$work/result"; }
for variant in original converted; do
  for lang in c cpp; do
    name="echo-$lang-$variant"
    if ! grep -q "^RUN $variant $lang status=0 reply='hello over $variant $lang'" "$work/result"; then
      echo "FAIL $name: the echo exchange did not complete"; failed=1; continue
    fi
    sctp=$(( $(value AFTER $variant $lang sctp_estabs) - $(value BEFORE $variant $lang sctp_estabs) ))
    tcp=$(( $(value AFTER $variant $lang tcp_opens) - $(value BEFORE $variant $lang tcp_opens) ))
    packets=$(( $(value AFTER $variant $lang sctp_packets) - $(value BEFORE $variant $lang sctp_packets) ))
    if [ $variant = converted ] && [ $sctp -ge 2 ] && [ $tcp -eq 0 ]; then
      echo "PASS $name: over SCTP ($sctp association ends, $packets SCTP packets, 0 TCP opens)"
    elif [ $variant = original ] && [ $sctp -eq 0 ] && [ $tcp -ge 2 ]; then
      echo "PASS $name: over TCP ($tcp TCP opens, 0 SCTP associations)"
    else
      echo "FAIL $name: sctp association ends +$sctp, tcp opens +$tcp"; failed=1
    fi
  done
done
# HTTP: same statuses and byte-identical bodies over SCTP as over TCP.
delta() { echo $(( $(value AFTER $1 http $2) - $(value BEFORE $1 http $2) )); }
for variant in original converted; do
  echo "http-$variant: $(grep "^RUN $variant http" "$work/result" | sed 's/.*ms=/ms=/')" \
       "sctp packets +$(delta $variant sctp_packets), sctp data chunks +$(delta $variant sctp_chunks)," \
       "tcp segments +$(delta $variant tcp_segments)"
done
if ! grep -q "^RUN original http status=0" "$work/result" ||
   ! grep -q "^RUN converted http status=0" "$work/result"; then
  echo "FAIL http: a client run failed"; failed=1
elif ! cmp -s "$work/http-original/statuses" "$work/http-converted/statuses" ||
     ! diff -r -x statuses "$work/http-original" "$work/http-converted" >/dev/null ||
     ! cmp -s "$work/http-converted/2.body" "$work/www/big.bin"; then
  echo "FAIL http: the SCTP run did not get what the TCP run got"; failed=1
elif [ "$(delta converted sctp_estabs)" -lt 2 ] || [ "$(delta converted tcp_opens)" -ne 0 ] ||
     [ "$(delta original tcp_opens)" -lt 2 ]; then
  echo "FAIL http: wrong transport (converted: sctp +$(delta converted sctp_estabs), tcp +$(delta converted tcp_opens))"; failed=1
else
  echo "PASS http: 4 requests on one connection, statuses $(tr '\n' ' ' < "$work/http-converted/statuses")over SCTP; bodies byte-identical to TCP"
fi

# hazards.c judged itself; every check must have passed.
grep -E '^(PASS|FAIL) sctp-' "$work/result" | grep -q . || {
  echo "FAIL hazards: no result"; failed=1; }
if grep -q '^FAIL sctp-' "$work/result" || ! grep -q '^HAZARDS status=0' "$work/result"; then
  failed=1
fi
exit $failed
