#!/usr/bin/env python3
"""Runs sctpify on the lines a unified diff changes, like clang-tidy-diff.

    git diff -U0 HEAD | sctpify-diff.py -p1 -path build --check
    sctpify-diff.py --staged --check -path build     # a pre-commit hook

Reads the diff (standard input, or `git diff --cached` with --staged),
collects the changed line ranges of every C/C++ file, headers included, and
runs sctpify with --line-filter, so only findings on changed lines are
reported (and, with -i, fixed; an #include or helper a ported line needs is
added where the file's includes are, even outside the changed lines).

A changed header is checked through the translation units that include it:
with -path, every file of the compile database is given to sctpify (the
ones that cannot hold anything to port are skipped after preprocessing).
Without -path, a diff that changes only headers is an error, never a pass.

Exits with sctpify's status (1 from --check on unported changed lines), or 3
when it cannot check what changed.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

HEADER = r"\.(h|hh|hpp|hxx|inc)$"


def default_binary():
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "build", "bin", "sctpify")
    return built if os.access(built, os.X_OK) else "sctpify"


def changed_lines(diff, strip, pattern):
    """{file: [[first, last], ...]} for the new side of a unified diff."""
    files, current = {}, None
    for line in diff.splitlines():
        match = re.match(r"^\+\+\+ (\S+)", line)
        if match:
            name = match.group(1)
            if name == "/dev/null":
                current = None
                continue
            name = "/".join(name.split("/")[strip:]) if strip else name
            current = name if re.search(pattern, name) else None
            continue
        match = re.match(r"^@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
        if match and current:
            first, count = int(match.group(1)), int(match.group(2) or "1")
            if count:
                files.setdefault(current, []).append([first, first + count - 1])
    return files


def fail(message):
    sys.stderr.write("sctpify-diff: error: " + message + "\n")
    return 3


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-p", dest="strip", type=int, default=None,
                        help="strip this many leading path components (like "
                             "patch; default 0, or 1 with --staged)")
    parser.add_argument("-path", dest="build_path",
                        help="directory holding compile_commands.json (sctpify -p)")
    parser.add_argument("--staged", action="store_true",
                        help="check `git diff --cached` instead of standard input")
    parser.add_argument("-regex", default=r"\.(c|cc|cpp|cxx|c\+\+|h|hh|hpp|hxx|inc)$",
                        help="files to consider (default: C/C++ sources and headers)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a changed line has something to port "
                             "(sctpify --check); without it, only report")
    parser.add_argument("-binary", default=default_binary(), help="the sctpify to run")
    parser.add_argument("-j", dest="jobs", help="translation units in parallel")
    parser.add_argument("sctpify_args", nargs="*",
                        help="after --: more sctpify options (e.g. --check, -i)")
    args = parser.parse_args()

    if args.staged:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"],
                             stdout=subprocess.PIPE, text=True)
        if top.returncode != 0:
            return fail("--staged needs a git work tree")
        os.chdir(top.stdout.strip())
        diff = subprocess.run(["git", "diff", "--cached", "-U0", "--no-color"],
                              stdout=subprocess.PIPE, text=True).stdout
        strip = 1 if args.strip is None else args.strip
    else:
        diff = sys.stdin.read()
        strip = args.strip or 0

    files = changed_lines(diff, strip, args.regex)
    if not files:
        return 0
    sources = sorted(f for f in files if not re.search(HEADER, f))
    headers = sorted(f for f in files if re.search(HEADER, f))
    if args.build_path and not os.path.isfile(
            os.path.join(args.build_path, "compile_commands.json")):
        return fail("no %s; configure the build first, e.g. "
                    "`cmake -S . -B %s -DCMAKE_EXPORT_COMPILE_COMMANDS=ON` "
                    "or `bear -- make`" % (
                        os.path.join(args.build_path, "compile_commands.json"),
                        shlex.quote(args.build_path)))
    if headers and not args.build_path:
        return fail("changed headers (%s) are checked through the files that "
                    "include them; give -path BUILD-DIR with a "
                    "compile_commands.json" % ", ".join(headers))
    command = [args.binary,
               "--line-filter=" + json.dumps(
                   [{"name": name, "lines": lines}
                    for name, lines in sorted(files.items())])]
    if args.build_path:
        command += ["-p", args.build_path]
    if args.jobs:
        command += ["-j", args.jobs]
    if args.check:
        command.append("--check")
    command += args.sctpify_args
    # A changed header needs every TU that may include it; sources alone
    # are enough otherwise.
    if not headers:
        command += sources
    if not args.build_path:
        command.append("--")
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
