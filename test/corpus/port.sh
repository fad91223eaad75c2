#!/bin/bash
# port.sh SCTPIFY WORK-DIR PROJECT...
#
# Ports real projects from Debian's sources the way a user would, and checks
# the result compiles cleanly. For each PROJECT (a recipe in projects/):
#   WORK-DIR/PROJECT/original   the upstream tree, configured and built with
#                               its own build system under bear, which
#                               records compile_commands.json;
#   WORK-DIR/PROJECT/converted  the same, then `sctpify -p . -i -j`, then the
#                               hand edits in patches/PROJECT.patch if any
#                               (what sctpify could not do), then rebuilt.
# A recipe's $sctpify_config becomes the converted tree's .sctpify.yaml.
# Fails if sctpify errs, if a second run would still change something, or if
# the rebuild shows a warning the original build did not. Downloads are
# cached in $SCTPIFY_CORPUS_CACHE (default WORK-DIR/cache). Built trees are
# reused while their recipe is unchanged; the port itself always reruns.
set -euo pipefail
sctpify=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mkdir -p "$2" && cd "$2" && pwd -P)
shift 2
here=$(cd "$(dirname "$0")" && pwd)
cache=${SCTPIFY_CORPUS_CACHE:-$work/cache}
jobs=$(nproc)
# The same flags for both builds, so that any new warning is sctpify's doing.
warnings="-Wall -Wextra"

packages="bear dpkg-dev make gcc"
for project in "$@"; do
  recipe="$here/projects/$project.sh"
  [ -f "$recipe" ] || { echo "port.sh: no recipe $recipe" >&2; exit 2; }
  packages="$packages $(. "$recipe"; echo "$packages")"
done
# shellcheck disable=SC2086
"$here/../../scripts/apt-install.sh" $packages
"$here/fetch.sh" "$cache" "$@"

# warning_keys LOG: "file: message [flag]" per warning, without line numbers,
# which the port shifts.
warning_keys() {
  sed -n 's|^\([^ :]*\):[0-9]*:[0-9]*: warning: \(.*\)$|\1: \2|p' "$1" |
    sed 's|^.*/||' | sort -u
}

# build_with_database TREE LOG WHAT-FAILED: configures and builds TREE under
# bear, which leaves its compile_commands.json.
build_with_database() {
  (cd "$1" && configure_project && bear -- bash -c build_project) > "$2" 2>&1 || {
    tail -n 30 "$2"
    echo "port.sh: $project: $3" >&2; exit 1; }
}

for project in "$@"; do
  (
    . "$here/projects/$project.sh"
    # bear runs a command, not a shell function.
    export -f build_project
    export jobs warnings
    source_tree=$(ls -d "$cache/$project"/*/ | head -n 1)
    dir="$work/$project"
    patch_file="$here/patches/$project.patch"
    recipe_hash=$(cat "$here/projects/$project.sh" | sha1sum)
    mkdir -p "$dir"

    if [ "$(cat "$dir/original/.built" 2>/dev/null)" != "$recipe_hash" ]; then
      rm -rf "$dir/original"
      cp -a "$source_tree" "$dir/original"
      build_with_database "$dir/original" "$dir/original-build.log" \
        "the original does not build"
      echo "$recipe_hash" > "$dir/original/.built"
    fi

    # Configuring and building the copy to port is the slow part, so it is
    # done once per recipe; a later port first puts back the files the last
    # one edited.
    if [ "$(cat "$dir/converted/.built" 2>/dev/null)" = "$recipe_hash" ]; then
      while read -r edited; do
        cp "$dir/original/$edited" "$dir/converted/$edited"
      done < <(sort -u "$dir/converted/.edited")
    else
      rm -rf "$dir/converted"
      cp -a "$source_tree" "$dir/converted"
      build_with_database "$dir/converted" "$dir/converted-build.log" \
        "the unconverted copy does not build"
      echo "$recipe_hash" > "$dir/converted/.built"
    fi
    # A recipe may give the project's .sctpify.yaml, as its maintainers would.
    if [ -n "${sctpify_config:-}" ]; then
      printf '%s\n' "$sctpify_config" > "$dir/converted/.sctpify.yaml"
    fi
    status=0
    (cd "$dir/converted" && "$sctpify" -p . -i -j "$jobs" --quiet \
        --report=json --report-file="$dir/report.json") \
      > "$dir/sctpify.log" 2>&1 || status=$?
    if [ "$status" -gt 1 ]; then
      cat "$dir/sctpify.log"
      echo "port.sh: $project: sctpify failed (exit $status)" >&2; exit 1
    fi
    python3 - "$dir/report.json" "$dir/converted" > "$dir/converted/.edited" <<'EOF'
import json, os, sys
report, tree = sys.argv[1:]
edited = {fix["file"] for finding in json.load(open(report))["findings"]
          for fix in finding["fixes"]}
for path in sorted(edited):
    print(os.path.relpath(path, tree))
EOF
    # Idempotence: a second run on the ported tree finds nothing to edit.
    (cd "$dir/converted" && "$sctpify" -p . -i -j "$jobs" --quiet \
        --report=json --report-file="$dir/report-again.json") > /dev/null 2>&1 || true
    again=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["files_changed"])' \
              "$dir/report-again.json")
    if [ "$again" != 0 ]; then
      echo "port.sh: $project: a second sctpify run changed $again more files" >&2; exit 1
    fi

    if [ -f "$patch_file" ]; then
      sed -n 's|^+++ b/\([^\t]*\).*|\1|p' "$patch_file" >> "$dir/converted/.edited"
      patch -d "$dir/converted" -p1 --quiet < "$patch_file" || {
        echo "port.sh: $project: $patch_file no longer applies" >&2; exit 1; }
    fi
    (cd "$dir/converted" && build_project) > "$dir/converted-rebuild.log" 2>&1 || {
      tail -n 30 "$dir/converted-rebuild.log"
      echo "port.sh: $project: the converted tree does not build" >&2; exit 1; }

    comm -13 <(warning_keys "$dir/original-build.log") \
             <(warning_keys "$dir/converted-rebuild.log") > "$dir/new-warnings.txt"
    if [ -s "$dir/new-warnings.txt" ]; then
      cat "$dir/new-warnings.txt"
      echo "port.sh: $project: the converted tree builds with new warnings" >&2; exit 1
    fi

    python3 - "$project" "$dir/report.json" <<'EOF'
import json, sys
project, path = sys.argv[1:]
s = json.load(open(path))["summary"]
print(f"port.sh: {project}: {s['translation_units']} TUs ({s['skipped']} skipped "
      f"unparsed), {s['rewrites']} rewrites, {s['flags']} flags, {s['reviews']} "
      f"left for review, {s['files_changed']} files changed; rebuilt with no new warnings")
EOF
  )
done
