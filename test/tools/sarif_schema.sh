#!/bin/sh
# sarif_schema.sh CACHE-DIR: puts the official SARIF 2.1.0 JSON schema (OASIS
# 2.1.0-rtm.5) at CACHE-DIR/sarif-2.1.0.json, taken from Microsoft's
# @microsoft/jest-sarif package on the npm registry. Nothing is committed.
set -eu
cache=$(mkdir -p "$1" && cd "$1" && pwd)
schema="$cache/package/lib/schemas/sarif-2.1.0-rtm.5.json"
if [ ! -s "$schema" ]; then
  (cd "$cache" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 &&
   tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz) || {
    echo "sarif_schema.sh: cannot get the SARIF schema from the npm registry" >&2
    exit 1
  }
fi
cp "$schema" "$cache/sarif-2.1.0.json"
