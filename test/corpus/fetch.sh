#!/bin/sh
# fetch.sh CACHE-DIR PACKAGE...
#
# Fetches and unpacks Debian source packages (apt-get source) into
# CACHE-DIR/<package>/, once. The deb-src entry is derived from this
# machine's own Debian apt sources, whatever mirror they name.
set -eu
cache=$(mkdir -p "$1" && cd "$1" && pwd)
shift
list=/etc/apt/sources.list.d/sctpify-deb-src.sources

if ! apt-get source --print-uris "$1" >/dev/null 2>&1; then
  # Copy each deb822 stanza signed by Debian's archive key, as deb-src.
  for f in /etc/apt/sources.list.d/*.sources; do
    [ "$f" = "$list" ] || cat "$f"
    echo
  done | awk 'BEGIN { RS = ""; ORS = "\n\n" }
              /debian-archive-keyring/ && /(^|\n)Types:[^\n]*deb/ {
                sub(/Types:[^\n]*/, "Types: deb-src"); print }' > "$list.tmp"
  # One-line style sources.list entries, if the machine uses those.
  if [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb \(.*\)/deb-src \1/p' /etc/apt/sources.list > /etc/apt/sources.list.d/sctpify-deb-src.list
  fi
  mv "$list.tmp" "$list"
  apt-get update -qq
fi
"$(dirname "$0")/../../scripts/apt-install.sh" dpkg-dev

for package in "$@"; do
  if [ -f "$cache/$package/.fetched" ]; then
    continue
  fi
  rm -rf "$cache/$package" && mkdir -p "$cache/$package"
  (cd "$cache/$package" && apt-get source -qq "$package" >/dev/null 2>&1) || {
    echo "fetch.sh: apt-get source $package failed" >&2
    exit 1
  }
  touch "$cache/$package/.fetched"
  echo "fetch.sh: $package -> $(ls -d "$cache/$package"/*/ | head -n 1)"
done
