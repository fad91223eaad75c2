#!/bin/sh
# Installs what is missing, builds sctpify, converts a copy of the bundled C
# echo example and shows the diff, then compiles the converted copy.
# With --over-sctp it then runs the converted echo and HTTP examples over
# real SCTP in a QEMU VM and prints the evidence (kernel SCTP/TCP counters,
# byte-identical HTTP bodies).
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh >/dev/null
BUILD_DIR=${BUILD_DIR:-build}
demo="$BUILD_DIR/demo/echo-c"
rm -rf "$demo" && mkdir -p "$demo"
cp examples/echo-c/*.c "$demo"/
echo "== What sctpify reports on examples/echo-c"
"$BUILD_DIR/bin/sctpify" "$demo"/*.c -- -std=gnu11 || true
echo
echo "== The port, as a diff (sctpify --diff)"
"$BUILD_DIR/bin/sctpify" --diff --quiet "$demo"/*.c -- -std=gnu11
"$BUILD_DIR/bin/sctpify" -i --quiet "$demo"/*.c -- -std=gnu11 >/dev/null
for src in "$demo"/*.c; do
  cc -std=gnu11 -Wall -Wextra -o "${src%.c}" "$src"
done
echo
echo "== The converted example compiles: $(ls "$demo" | grep -v '\.c$' | tr '\n' ' ')"

if [ "${1:-}" = --over-sctp ]; then
  echo
  echo "== Converted examples over real SCTP, in a QEMU VM with Debian's kernel"
  test/e2e/vm/prepare.sh "$BUILD_DIR/e2e/vm" >/dev/null
  test/e2e/run-e2e.sh "$BUILD_DIR/bin/sctpify" "$BUILD_DIR" |
    grep -E '^(PASS|FAIL) (echo|http)|^http-'
fi
