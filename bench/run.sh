#!/bin/sh
# bench/run.sh [BUILD_DIR] [--check]
#
# Benchmarks sctpify on curl's compile database (bench.py) and on generated
# files that double in size (scale.py); see bench/README.md. BUILD_DIR
# (default: $BUILD_DIR, else build) is relative to the repository. With
# --check, exits 1 if either bench misses a target (both always run).
# BENCH_BIG=1 adds the 50 MiB file to the scaling series (two more minutes
# and 2.5 GB of memory); BENCH_REPEAT (default 3) is the scaling series'
# best-of count.
set -eu
cd "$(dirname "$0")/.."
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  build=$1
  shift
else
  build=${BUILD_DIR:-build}
fi
check=
for arg in "$@"; do
  case $arg in
    --check) check=--check ;;
    *) echo "usage: bench/run.sh [BUILD_DIR] [--check]" >&2; exit 2 ;;
  esac
done
mkdir -p "$build"
build=$(cd "$build" && pwd)

# Always, so that a stale binary is never measured; ninja makes it a no-op
# when nothing changed.
BUILD_DIR=$build scripts/build.sh

scripts/apt-install.sh clang-tidy-19 clang-tools-19

# The original tree does not depend on sctpify, so once configured and built
# it is reused: that step takes far longer than the benchmark. port.sh also
# ports and rebuilds a copy; a failure there does not spoil the original.
work=$build/corpus
db=$work/curl/original
if [ ! -f "$db/compile_commands.json" ]; then
  test/corpus/port.sh "$build/bin/sctpify" "$work" curl ||
    [ -f "$db/compile_commands.json" ] ||
    { echo "run.sh: port.sh left no $db/compile_commands.json" >&2; exit 1; }
fi

status=0
/usr/bin/python3 bench/bench.py --sctpify "$build/bin/sctpify" \
  --db "$db" -j "$(nproc)" $check || status=1
echo
big=
if [ "${BENCH_BIG:-0}" = 1 ]; then big=--big; fi
/usr/bin/python3 bench/scale.py --sctpify "$build/bin/sctpify" \
  --out "$build/bench-scale" --repeat "${BENCH_REPEAT:-3}" $big $check || status=1
exit $status
