#!/bin/sh
# packaging.sh SOURCE_DIR BUILD_DIR WORK_DIR
#
# What a user installs works from where it is installed:
#   1. `cmake --install` (DESTDIR staging root) installs every file a user
#      needs: sctpify, sctpify-diff, the clang-tidy module, the pre-commit
#      hook definitions, the rule files, the documentation;
#   2. `cpack -G DEB` makes a package holding the same files, whose Depends
#      name the runtime libraries and Clang's resource headers, and no
#      development package of LLVM or Clang beyond those headers;
#   3. unpacked with dpkg-deb -x, its sctpify finds Clang's resource headers
#      (libclang-common-19-dev's), converts and checks an example, passes
#      --verify-rules; its sctpify-diff runs the sctpify beside it; its
#      module loads into clang-tidy-19.
set -eu
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
work=$3

# dpkg-shlibdeps (dpkg-dev) computes the Depends; clang-tidy-19 loads the
# module; libsctp-dev declares what the converted example includes.
"$src/scripts/apt-install.sh" dpkg-dev cmake ninja-build clang-19 \
  clang-tidy-19 libclang-common-19-dev libsctp-dev git python3

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)

# 1. cmake --install into a staging root.
DESTDIR="$work/stage" cmake --install "$build" --prefix /usr >"$work/install.log"
expected="usr/bin/sctpify usr/bin/sctpify-diff
usr/lib/sctpify/libsctpifyTidyModule.so
usr/share/sctpify/pre-commit-hooks.yaml usr/share/sctpify/rules/socket.yaml
usr/share/doc/sctpify/README.md usr/share/doc/sctpify/usage.md"
for file in $expected; do
  [ -f "$work/stage/$file" ] || fail "cmake --install did not install /$file"
done
[ -x "$work/stage/usr/bin/sctpify-diff" ] || fail "sctpify-diff is not executable"

# 2. The package.
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb") \
  >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
set -- "$work"/deb/*.deb
[ $# -eq 1 ] && [ -f "$1" ] || fail "cpack made no single .deb: $*"
deb=$1
dpkg-deb -I "$deb" >"$work/info"
depends=$(sed -n 's/^ Depends: //p' "$work/info")
echo "Depends: $depends"
has_dependency() {
  echo "$depends" | tr ',' '\n' | sed 's/(.*//; s/ //g' | grep -qxF "$1"
}
for package in libc6 libstdc++6 libclang-cpp19 libllvm19 libclang-common-19-dev; do
  has_dependency "$package" || fail "Depends lacks $package: $depends"
done
# Build-time packages are not the user's business.
if echo "$depends" | grep -Eq 'libclang-19-dev|llvm-19-dev|libgtest|cmake'; then
  fail "Depends names a build dependency: $depends"
fi
grep -q '^ Architecture: amd64$' "$work/info" || fail "not an amd64 package"

# The package holds what cmake --install installs, nothing less.
dpkg-deb -x "$deb" "$work/root"
(cd "$work/stage" && find . -type f | sort) >"$work/stage.files"
(cd "$work/root" && find . -type f | sort) >"$work/deb.files"
diff "$work/stage.files" "$work/deb.files" || fail "the .deb and cmake --install differ"

# 3. The unpacked package, run from its own paths.
bin="$work/root/usr/bin"
cd "$work"
# stddef.h comes only from Clang's resource headers: the unpacked binary
# must find them in libclang-common-19-dev, not beside itself.
printf '#include <stddef.h>\nsize_t n;\n' >resource.c
"$bin/sctpify" --quiet resource.c -- -H 2>"$work/includes.log" ||
  { cat "$work/includes.log"; fail "sctpify could not parse <stddef.h>"; }
stddef=$(sed -n 's/^\. \(.*\/stddef\.h\)$/\1/p' "$work/includes.log" | head -n 1)
[ -n "$stddef" ] || fail "no stddef.h in the include trace"
owner=$(dpkg -S "$(readlink -f "$stddef")" | cut -d: -f1)
[ "$owner" = libclang-common-19-dev ] ||
  fail "stddef.h came from $stddef (package '$owner')"

cp -r "$src/examples/http" "$work/http"
cmake -S http -B http/build -G Ninja -DCMAKE_C_COMPILER=clang-19 >"$work/cmake.log"
status=0
(cd http && "$bin/sctpify" -p build --check --quiet >"$work/before.log" 2>&1) || status=$?
[ $status -eq 1 ] || fail "--check on the unported example exited $status, not 1"
(cd http && "$bin/sctpify" -p build -i --quiet >/dev/null) || fail "sctpify -i"
grep -q IPPROTO_SCTP http/http_server.c || fail "http_server.c was not ported"
(cd http && "$bin/sctpify" -p build --check --quiet >"$work/after.log") ||
  fail "the ported example still has findings"
cmake --build http/build >"$work/build.log" || fail "the ported example does not build"

"$bin/sctpify" --verify-rules >"$work/verify.log" ||
  { tail -20 "$work/verify.log"; fail "--verify-rules"; }

# sctpify-diff finds the sctpify installed beside it (on PATH, as the
# pre-commit hooks expect) and checks only the lines a change touches.
git -C http init -q && git -C http add http_client.c &&
  git -C http -c user.name=t -c user.email=t@t commit -qm base
sed -i 's/^int main(/\/* changed *\/ int main(/' http/http_client.c
status=0
(cd http && git diff -U0 | PATH="$bin:$PATH" sctpify-diff -p1 -path build -- --check \
  >"$work/diff.log" 2>&1) || status=$?
[ $status -eq 0 ] || { cat "$work/diff.log"; fail "sctpify-diff exited $status"; }
sed -i 's/SOCK_STREAM, IPPROTO_SCTP/SOCK_STREAM, 0/' http/http_client.c
status=0
(cd http && git diff -U0 | PATH="$bin:$PATH" sctpify-diff -p1 -path build -- --check \
  >"$work/diff.log" 2>&1) || status=$?
[ $status -eq 1 ] || { cat "$work/diff.log"; fail "sctpify-diff on an unported line exited $status, not 1"; }
grep -q '^- id: sctpify-changed-lines$' "$work/root/usr/share/sctpify/pre-commit-hooks.yaml" ||
  fail "pre-commit-hooks.yaml lacks the sctpify-changed-lines hook"

clang-tidy-19 -load="$work/root/usr/lib/sctpify/libsctpifyTidyModule.so" \
  -checks='-*,sctp-*' -list-checks | grep -q 'sctp-socket-protocol' ||
  fail "the installed module does not load into clang-tidy-19"

echo "PASS packaging: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"
