#!/bin/sh
# bench/run.sh [BUILD_DIR] [bench.py options...]
#
# Benchmarks sctpify on curl's compile database; see bench/README.md.
# BUILD_DIR (default: $BUILD_DIR, else build) is relative to the repository.
set -eu
cd "$(dirname "$0")/.."
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  build=$1
  shift
else
  build=${BUILD_DIR:-build}
fi
mkdir -p "$build"
build=$(cd "$build" && pwd)

# Always, so that a stale binary is never measured; ninja makes it a no-op
# when nothing changed.
BUILD_DIR=$build scripts/build.sh

scripts/apt-install.sh clang-tidy-19

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

exec /usr/bin/python3 bench/bench.py --sctpify "$build/bin/sctpify" \
  --db "$db" -j "$(nproc)" "$@"
