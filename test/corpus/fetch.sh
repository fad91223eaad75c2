#!/bin/sh
# fetch.sh CACHE-DIR PACKAGE[:orig]...
#
# Fetches and unpacks Debian source packages (apt-get source) into
# CACHE-DIR/<package>/, once. The deb-src entry is derived from this
# machine's own Debian apt sources, whatever mirror they name.
# If the newest version's files cannot be downloaded, the older versions
# apt knows of are tried, newest first. PACKAGE:orig takes the upstream
# tarball only, without Debian's changes (apt-get source --tar-only), for a
# package whose Debian diff cannot be downloaded. Errors are printed with
# the mirror's address masked.
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

# get DIR PACKAGE[=VERSION] [--tar-only]: downloads into DIR; on failure
# leaves apt-get's errors, addresses masked, in DIR/.errors.
get() {
  dir=$1 spec=$2
  shift 2
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && apt-get source -q "$@" "$spec" > .log 2>&1) && return 0
  sed -n 's|[a-z]*://[^/ ]*|<mirror>|g; s| *\[IP: [^]]*\]||; /^E: /p' "$dir/.log" > "$dir.errors"
  return 1
}

for item in "$@"; do
  package=${item%:orig}
  if [ -f "$cache/$package/.fetched" ]; then
    continue
  fi
  versions=$(apt-cache showsrc "$package" 2>/dev/null | sed -n 's/^Version: //p' |
             sort -u -r -V)
  fetched=""
  for version in $versions; do
    if [ "$item" != "$package" ]; then
      if get "$cache/$package" "$package=$version" --tar-only; then
        (cd "$cache/$package" && tar xf ./*.orig.tar.*)
        fetched="$version (upstream tarball only)"
        break
      fi
    elif get "$cache/$package" "$package=$version"; then
      fetched=$version
      break
    fi
    echo "fetch.sh: apt-get source $package=$version failed:" >&2
    cat "$cache/$package.errors" >&2
  done
  rm -f "$cache/$package.errors"
  [ -n "$fetched" ] || {
    rm -rf "${cache:?}/$package"
    echo "fetch.sh: no version of $package could be fetched" >&2
    exit 1
  }
  echo "$fetched" > "$cache/$package/.fetched"
  echo "fetch.sh: $package $fetched -> $(ls -d "$cache/$package"/*/ | head -n 1)"
done
