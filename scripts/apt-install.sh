#!/bin/sh
# apt-install.sh PACKAGE...: installs, with apt, those Debian packages that
# are not installed yet; does nothing (and needs no network) otherwise.
set -eu
missing=""
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $package"
done
[ -n "$missing" ] || exit 0
echo "apt-install: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
