#!/bin/bash
# run_all.sh [sctpify-binary] [work-dir]
#
# Runs run_case.sh on every program in cases/ and ends with `N passed,
# M failed`. Defaults: build/bin/sctpify of this checkout, a fresh temporary
# work dir (kept, its path printed). Exit status 1 if any case failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
sctpify=${1:-$here/../../build/bin/sctpify}
work=${2:-$(mktemp -d /tmp/sctpify-runtime.XXXXXX)}
mkdir -p "$work"
echo "work dir: $work"

passed=0 failed=0
for src in "$here"/cases/*.c "$here"/cases/*.cpp; do
  [ -e "$src" ] || continue
  if "$here/run_case.sh" "$sctpify" "$src" "$work"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
