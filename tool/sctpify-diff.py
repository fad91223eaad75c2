#!/usr/bin/env python3
"""Runs sctpify on the lines a unified diff changes, like clang-tidy-diff.

    git diff -U0 HEAD | sctpify-diff.py -p1 -path build -- --check

Reads the diff on standard input, collects the changed line ranges of every
C/C++ file, and runs sctpify once on those files with --line-filter, so only
findings on changed lines are reported (and, with -i, fixed). Exits with
sctpify's status, so `-- --check` fails a CI job or a hook on unported lines.
"""
import argparse
import json
import os
import re
import subprocess
import sys


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-p", dest="strip", type=int, default=0,
                        help="strip this many leading path components (like patch)")
    parser.add_argument("-path", dest="build_path",
                        help="directory holding compile_commands.json (sctpify -p)")
    parser.add_argument("-regex", default=r"\.(c|cc|cpp|cxx|c\+\+|h|hh|hpp|hxx)$",
                        help="files to consider (default: C/C++ sources and headers)")
    parser.add_argument("-binary", default=default_binary(), help="the sctpify to run")
    parser.add_argument("-j", dest="jobs", help="translation units in parallel")
    parser.add_argument("sctpify_args", nargs="*",
                        help="after --: more sctpify options (e.g. --check, -i)")
    args = parser.parse_args()

    files = changed_lines(sys.stdin.read(), args.strip, args.regex)
    # Headers are reported through the sources that include them.
    sources = [f for f in files if not re.search(r"\.(h|hh|hpp|hxx)$", f)]
    if not files or not sources:
        return 0
    command = [args.binary,
               "--line-filter=" + json.dumps(
                   [{"name": name, "lines": lines} for name, lines in sorted(files.items())])]
    if args.build_path:
        command += ["-p", args.build_path]
    if args.jobs:
        command += ["-j", args.jobs]
    command += args.sctpify_args + sorted(sources)
    if not args.build_path:
        command.append("--")
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
