#!/bin/sh
# Installs what sctpify needs to build and test on Debian 12, if missing.
# Run as root. Everything comes from Debian's own packages.
set -eu

# clang-tidy-19: the module's tests (test/tidy); dpkg-dev: the .deb's
# Depends (test/packaging); libclang-rt-19-dev: the sanitizer runtimes and
# libFuzzer for the clang build in scripts/test-sanitizers.sh.

PACKAGES="cmake ninja-build g++ python3 patch libgtest-dev
qemu-system-x86 busybox-static cpio kmod xz-utils git pre-commit python3-jsonschema
clang-19 libclang-19-dev llvm-19-dev llvm-19-tools clang-tools-19
libsctp-dev lksctp-tools iproute2
clang-tidy-19 dpkg-dev libclang-rt-19-dev"

# The SARIF schema test fetches the official schema with npm.
command -v npm >/dev/null || PACKAGES="$PACKAGES npm"

# shellcheck disable=SC2086
"$(dirname "$0")/apt-install.sh" $PACKAGES
