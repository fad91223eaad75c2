#!/bin/sh
# Installs what sctpify needs to build and test on Debian 12, if missing.
# Run as root. Everything comes from Debian's own packages.
set -eu

PACKAGES="cmake ninja-build g++ python3 patch libgtest-dev
qemu-system-x86 busybox-static cpio kmod xz-utils git pre-commit python3-jsonschema
clang-19 libclang-19-dev llvm-19-dev llvm-19-tools clang-tools-19
libsctp-dev lksctp-tools"

# The SARIF schema test fetches the official schema with npm.
command -v npm >/dev/null || PACKAGES="$PACKAGES npm"

missing=""
for pkg in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "install-deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
