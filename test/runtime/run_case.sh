#!/bin/bash
# run_case.sh <sctpify-binary> <case-file> <work-dir>
#
# Proves at run time, without kernel SCTP, that sctpify converts one case
# program correctly:
#   1. builds the original and runs it under libsctpify-trace.so -> original.trace
#   2. converts a copy with `sctpify -i`, builds and runs it   -> converted.trace
#   3. expected_trace.py computes, from original.trace, what a correct
#      conversion must record (expected.trace), and the two are compared
#      with descriptor numbers normalised.
# Prints `PASS <case>` or `FAIL <case>`, then (on failure) why and the trace
# diff, then the source diff and sctpify's report. Exit status 0 on PASS.
#
# The checked-in expected/<case>.trace must hold the same records as the
# freshly computed one: sockets created in another order only print a NOTE,
# any other difference is a FAIL; SCTPIFY_UPDATE_EXPECTED=1 rewrites it
# instead.
set -u

if [ $# -ne 3 ]; then
  echo "usage: $0 <sctpify-binary> <case-file> <work-dir>" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
sctpify=$(realpath "$1")
src=$(realpath "$2")
work=$(realpath -m "$3")
name=$(basename "$src")
case_id=${name%.*}
dir="$work/$case_id"

case "$name" in
  *.c)   compiler=${CC:-cc};  flags=(-Wall -Wextra) ;;
  *.cpp) compiler=${CXX:-c++}; flags=(-std=c++17 -Wall -Wextra) ;;
  *) echo "FAIL $case_id"; echo "  not a .c or .cpp file: $src"; exit 1 ;;
esac

rm -rf "$dir"
mkdir -p "$dir/original" "$dir/converted"

# The interposer is built once per work dir (rebuilt when interpose.c changes).
lib="$work/libsctpify-trace.so"
if [ ! -f "$lib" ] || [ "$here/interpose.c" -nt "$lib" ]; then
  if ! ${CC:-cc} -Wall -Wextra -Werror -shared -fPIC -o "$lib.tmp.$$" \
      "$here/interpose.c" -ldl 2>"$dir/interpose.log"; then
    echo "FAIL $case_id"; echo "  cannot build interpose.c:"; cat "$dir/interpose.log"
    exit 1
  fi
  mv -f "$lib.tmp.$$" "$lib"
fi

fail() {
  echo "FAIL $case_id"
  for reason in "$@"; do echo "  $reason"; done
  if [ -s "$dir/trace.diff" ]; then
    echo "--- trace diff:"; cat "$dir/trace.diff"
  fi
  if [ -s "$dir/source.diff" ]; then
    echo "--- source diff (original vs converted):"; cat "$dir/source.diff"
  fi
  if [ -f "$dir/sctpify.log" ]; then
    echo "--- sctpify report:"; cat "$dir/sctpify.log"
  fi
  exit 1
}

# build_and_trace <source> <out-dir> <label>
build_and_trace() {
  local s=$1 out=$2 label=$3
  if ! "$compiler" "${flags[@]}" -Werror -o "$out/prog" "$s" \
      >"$out/build.log" 2>&1; then
    fail "the $label program does not compile warning-free:" \
         "$(sed 's/^/    /' "$out/build.log")"
  fi
  rm -f "$out/run.trace"
  if ! (cd "$out" && SCTPIFY_TRACE="$out/run.trace" LD_PRELOAD="$lib" \
        ./prog >"$out/run.log" 2>&1); then
    fail "the $label program exits non-zero under the interposer:" \
         "$(sed 's/^/    /' "$out/run.log")"
  fi
  touch "$out/run.trace"
}

# 1. The original.
build_and_trace "$src" "$dir/original" original
cp "$dir/original/run.trace" "$dir/original.trace"
if ! grep -q '^socket ' "$dir/original.trace"; then
  fail "the original program recorded no socket() call"
fi

# 2. The conversion.
cp "$src" "$dir/converted/$name"
cp "$src" "$dir/$name.orig"
(cd "$dir/converted" && "$sctpify" -i "$name" -- "${flags[@]}") \
  >"$dir/sctpify.log" 2>&1
sctpify_rc=$?
diff -u --label "a/$name" --label "b/$name" "$dir/$name.orig" \
  "$dir/converted/$name" >"$dir/source.diff"
if [ $sctpify_rc -ne 0 ]; then
  fail "sctpify -i exited with status $sctpify_rc"
fi
build_and_trace "$dir/converted/$name" "$dir/converted" converted
cp "$dir/converted/run.trace" "$dir/converted.trace"

# 3. Expected vs actual.
if ! python3 "$here/expected_trace.py" "$dir/original.trace" \
    >"$dir/expected.trace" 2>"$dir/expected.log"; then
  fail "cannot compute the expected trace: $(cat "$dir/expected.log")"
fi
python3 "$here/expected_trace.py" --normalise "$dir/converted.trace" \
  >"$dir/converted.norm"

# The checked-in expected trace says what the original program does. Here it
# may create its sockets in another order (a resolver that returns ::1 before
# 127.0.0.1), which is not what the case is about: that is a NOTE. Any other
# difference (another socket, family, type, protocol or option) means the
# case or the platform no longer shows what it was written to show: FAIL.
checked_in="$here/expected/$case_id.trace"
if [ "${SCTPIFY_UPDATE_EXPECTED:-0}" = 1 ]; then
  cp "$dir/expected.trace" "$checked_in"
elif [ ! -f "$checked_in" ]; then
  fail "no checked-in $checked_in (create it with SCTPIFY_UPDATE_EXPECTED=1)"
elif ! python3 "$here/expected_trace.py" --same-records "$checked_in" \
    "$dir/expected.trace" >"$dir/checked-in.log" 2>&1; then
  diff -u --label checked-in --label computed "$checked_in" \
    "$dir/expected.trace" >"$dir/trace.diff"
  mapfile -t reasons <"$dir/checked-in.log"
  fail "the expected trace computed here differs from the checked-in $checked_in:" \
       "${reasons[@]}"
elif [ -s "$dir/checked-in.log" ]; then
  echo "NOTE $case_id: the original program created its sockets in another order than the checked-in trace records (same sockets and options):"
  diff -u --label checked-in --label computed "$checked_in" \
    "$dir/expected.trace" | sed 's/^/  /'
fi

if diff -u --label expected --label converted "$dir/expected.trace" \
    "$dir/converted.norm" >"$dir/trace.diff"; then
  echo "PASS $case_id"
  if [ -s "$dir/source.diff" ]; then
    echo "--- source diff (original vs converted):"; cat "$dir/source.diff"
  fi
  echo "--- sctpify report:"; cat "$dir/sctpify.log"
  exit 0
fi
mapfile -t reasons < <(python3 "$here/expected_trace.py" --explain \
  "$dir/expected.trace" "$dir/converted.norm")
fail "${reasons[@]}"
