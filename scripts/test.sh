#!/bin/sh
# Installs what is missing, builds sctpify and runs every test through ctest:
# the lit suite, unit tests, run-time traces and the QEMU/SCTP end-to-end runs;
# then the lit and unit suites again on a build with AddressSanitizer and
# UndefinedBehaviorSanitizer (scripts/test-sanitizers.sh).
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
(cd "${BUILD_DIR:-build}" && ctest --output-on-failure)
./scripts/test-sanitizers.sh
