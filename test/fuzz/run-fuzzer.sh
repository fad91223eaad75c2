#!/bin/sh
# run-fuzzer.sh FUZZER SECONDS WORKDIR REGRESSIONS [SEEDS...]
# Replays every regression input, then fuzzes from them and the seeds for
# SECONDS. New inputs go to WORKDIR/corpus (never into the source tree); a
# crash is written to WORKDIR/crash-<sha1>, to be added to REGRESSIONS once
# fixed. Exits non-zero on any crash, leak, sanitizer report or timeout.
set -eu
fuzzer=$1 seconds=$2 work=$3 regressions=$4
shift 4
mkdir -p "$work/corpus" "$regressions"
# Seed directories hold other files too (CMakeLists.txt, READMEs): libFuzzer
# takes every regular file, which only widens the corpus.
"$fuzzer" -runs=0 "$regressions"
exec "$fuzzer" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 \
  -max_len=8192 -print_final_stats=1 -artifact_prefix="$work/" \
  "$work/corpus" "$regressions" "$@"
