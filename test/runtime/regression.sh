#!/bin/bash
# regression.sh SCTPIFY WORK-DIR
#
# The ctest entry for the run-time trace harness. Every case must be free of
# WRONG changes (a socket or option sctpify moved to SCTP that the original
# program did not create as TCP), and every case listed in passing.txt must
# pass: its converted program matches the trace computed from the original,
# and that trace holds the same records as the checked-in expected/ one.
# Cases not listed document what is still to be ported (see README.md).
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=$("$here/run_all.sh" "$1" "$2" 2>&1)
status=0
if grep -q "WRONG:" <<<"$out"; then
  echo "regression: sctpify made a wrong change:"
  grep -B2 -A2 "WRONG:" <<<"$out"
  status=1
fi
while read -r case; do
  [ -n "$case" ] && [ "${case#\#}" = "$case" ] || continue
  if ! grep -qx "PASS $case" <<<"$out"; then
    echo "regression: case $case no longer passes:"
    sed -n "/^FAIL $case\$/,/^\(PASS\|FAIL\) /p" <<<"$out"
    status=1
  fi
done <"$here/passing.txt"
grep -E "^(PASS|FAIL) " <<<"$out" | sed 's/^/case: /'
# Sockets created in another order than the checked-in trace records are
# not a failure (run_case.sh), but are shown.
sed -n "/^NOTE /p" <<<"$out"
exit $status
