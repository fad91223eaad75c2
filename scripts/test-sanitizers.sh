#!/bin/sh
# Builds sctpify with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# into ${SANITIZE_BUILD_DIR:-build-sanitize} and runs the lit and unit suites
# on that build (everything but the VM, trace and packaging runs, which test
# programs rather than sctpify), then the libFuzzer targets (test/fuzz), each
# for ${FUZZ_SECONDS:-60} seconds.
# Any report fails the run: sanitizers abort on the first error
# (-fno-sanitize-recover=all), and LeakSanitizer reports leaks at exit.
# The clang-tidy module is not built, so test/tidy is unsupported there.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
dir=${SANITIZE_BUILD_DIR:-build-sanitize}
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
      -DSCTPIFY_SANITIZE=address,undefined -DSCTPIFY_FUZZ=ON \
      -DSCTPIFY_FUZZ_SECONDS="${FUZZ_SECONDS:-60}" >/dev/null
cmake --build "$dir"
cd "$dir"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1
ctest --output-on-failure -E '^(runtime-traces|e2e-vm|behaviour-vm|corpus-vm|packaging)$'
