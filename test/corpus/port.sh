#!/bin/bash
# port.sh SCTPIFY WORK-DIR PROJECT...
#
# Ports real projects from Debian's sources the way a user would, and checks
# the result compiles cleanly. For each PROJECT (a recipe in projects/):
#   WORK-DIR/PROJECT/original   the upstream tree, configured and built with
#                               its own build system under bear, which
#                               records compile_commands.json;
#   WORK-DIR/PROJECT/converted  a copy of the built original (relocate.py
#                               rewrites its path in the build's own files),
#                               then `sctpify -p . -i -j`, then the hand edits
#                               in patches/PROJECT.patch if any (what sctpify
#                               could not do), then rebuilt: only the edited
#                               files compile again, and the programs the
#                               recipe lists in $binaries are linked again.
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
sources_all=""
for project in "$@"; do
  recipe="$here/projects/$project.sh"
  [ -f "$recipe" ] || { echo "port.sh: no recipe $recipe" >&2; exit 2; }
  packages="$packages $(. "$recipe"; echo "$packages")"
  sources_all="$sources_all $(sources=$project; . "$recipe"; echo "$sources")"
done
# shellcheck disable=SC2086
"$here/../../scripts/apt-install.sh" $packages
# shellcheck disable=SC2086
"$here/fetch.sh" "$cache" $sources_all

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

# copy_sources TREE: a fresh copy of the project's sources in TREE: the
# first source package's tree, then, if the recipe says so, the others
# (add_sources CACHE-DIR, run in TREE).
copy_sources() {
  rm -rf "$1"
  cp -a "$source_tree" "$1"
  if [ "$(type -t add_sources)" = function ]; then
    (cd "$1" && add_sources "$cache") || {
      echo "port.sh: $project: add_sources failed" >&2; exit 1; }
  fi
}

for project in "$@"; do
  (
    # A recipe may set sources: the Debian source packages it needs, its
    # own tree first (PACKAGE:orig for the upstream tarball only),
    # and binaries: the programs it builds that the runs use.
    sources=$project binaries=""
    . "$here/projects/$project.sh"
    # bear runs a command, not a shell function.
    export -f build_project
    export jobs warnings
    main_source=${sources%% *}
    source_tree=$(ls -d "$cache/${main_source%:orig}"/*/ | head -n 1)
    dir="$work/$project"
    patch_file="$here/patches/$project.patch"
    recipe_hash=$(cat "$here/projects/$project.sh" | sha1sum)
    mkdir -p "$dir"
    # Seconds per phase, for the summary line.
    times="" phase_start=$(date +%s)
    phase() { times="$times, $1 $(( $(date +%s) - phase_start )) s"; phase_start=$(date +%s); }

    if [ "$(cat "$dir/original/.built" 2>/dev/null)" != "$recipe_hash" ]; then
      copy_sources "$dir/original"
      build_with_database "$dir/original" "$dir/original-build.log" \
        "the original does not build"
      echo "$recipe_hash" > "$dir/original/.built"
      phase "original build"
    fi

    # The copy to port is the built original, moved: a later build then
    # compiles only what sctpify edits. It is made once per recipe; a later
    # port first puts back the files the last one edited.
    if [ "$(cat "$dir/converted/.built" 2>/dev/null)" = "$recipe_hash" ]; then
      while read -r edited; do
        cp "$dir/original/$edited" "$dir/converted/$edited"
      done < <(sort -u "$dir/converted/.edited")
    else
      rm -rf "$dir/converted"
      cp -a "$dir/original" "$dir/converted"
      python3 "$here/relocate.py" "$dir/original" "$dir/converted" || {
        echo "port.sh: $project: the built tree cannot be moved" >&2; exit 1; }
      echo "$recipe_hash" > "$dir/converted/.built"
      phase "copy"
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
    phase "sctpify twice"

    if [ -f "$patch_file" ]; then
      sed -n 's|^+++ b/\([^\t]*\).*|\1|p' "$patch_file" >> "$dir/converted/.edited"
      patch -d "$dir/converted" -p1 --quiet < "$patch_file" || {
        echo "port.sh: $project: $patch_file no longer applies" >&2; exit 1; }
    fi
    # The programs the recipe names in $binaries are removed first, so the
    # rebuild must link them again even where the build does not know that
    # they depend on an edited library (httpd on APR).
    for binary in $binaries; do rm -f "$dir/converted/$binary"; done
    (cd "$dir/converted" && build_project) > "$dir/converted-rebuild.log" 2>&1 || {
      tail -n 30 "$dir/converted-rebuild.log"
      echo "port.sh: $project: the converted tree does not build" >&2; exit 1; }
    for binary in $binaries; do
      [ -x "$dir/converted/$binary" ] || {
        echo "port.sh: $project: the rebuild did not make $binary" >&2; exit 1; }
    done
    phase "rebuild"

    comm -13 <(warning_keys "$dir/original-build.log") \
             <(warning_keys "$dir/converted-rebuild.log") > "$dir/new-warnings.txt"
    if [ -s "$dir/new-warnings.txt" ]; then
      cat "$dir/new-warnings.txt"
      echo "port.sh: $project: the converted tree builds with new warnings" >&2; exit 1
    fi

    python3 - "$project" "$dir/report.json" "${times#, }" <<'EOF'
import json, sys
project, path, times = sys.argv[1:]
s = json.load(open(path))["summary"]
print(f"port.sh: {project}: {s['translation_units']} TUs ({s['skipped']} skipped "
      f"unparsed), {s['rewrites']} rewrites, {s['flags']} flags, {s['reviews']} "
      f"left for review, {s['files_changed']} files changed; rebuilt with no new warnings"
      f" ({times})")
EOF
  )
done
