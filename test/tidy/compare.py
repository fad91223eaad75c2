#!/usr/bin/env python3
"""Runs sctpify and clang-tidy with sctpify's module on the same files and
fails unless they agree.

Usage: compare.py --sctpify=S --clang-tidy=T --module=M --inputs=DIR
                  --work=DIR FILE...

Each FILE is a rule test (test/rules, test/engine, test/headers): one TU,
so no decision needs another TU. Its `// CHECK...` comments are blanked,
as check_sctpify.py does; compiler flags come from its `%check_sctpify`
RUN line. For each file:
  1. the findings are the same, in the same order: place, message, rule id
     and the note's words (an `error:` of sctpify is a `warning:` in
     clang-tidy, which applies no fix in a run with an error);
  2. `clang-tidy --fix` leaves the same bytes as `sctpify -i`.
A file whose RUN line needs more than flags (a prepared %t directory, or a
rule table other than the built-in one: --rules, --fallback) is
listed as skipped; every other file must pass.
"""
import argparse
import os
import re
import subprocess
import sys

HEADER = re.compile(r"^.*?:(\d+):(\d+): (warning|error|remark): (.*) \[([^\]]+)\]$")
# sctpify's note has no place; the module's is at its finding (see
# tool/tidy/SctpifyTidyModule.cpp), so only the words are compared.
NOTE = re.compile(r"^(?:.*?:\d+:\d+: )?note: (.*)$")


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)


def findings(output):
    """(line, column, level, message, rule) and notes, in order."""
    found = []
    for line in output.splitlines():
        match = HEADER.match(line)
        if match:
            line_no, column, level, message, rule = match.groups()
            level = "warning" if level == "error" else level
            found.append(("finding", line_no, column, level, message, rule))
        elif NOTE.match(line) and "FIX-IT" not in line:
            found.append(("note", NOTE.match(line).group(1)))
    return found


def flags_of(path, inputs):
    """Compiler flags from the file's RUN line, or None if it needs more."""
    with open(path) as f:
        text = f.read()
    run_line = re.search(r"RUN: %check_sctpify %s %t(.*)", text)
    if not run_line:
        return None
    tokens = run_line.group(1).split()
    split = tokens.index("--") if "--" in tokens else len(tokens)
    options, extra = tokens[:split], tokens[split + 1:]
    # The module runs the built-in rule table: a file that needs another
    # (--rules, a porting mode) cannot be compared. Other sctpify options
    # (--disable) only narrow what sctpify reports; both tools run all rules.
    if any(o.startswith(("--rules", "--fallback")) for o in options):
        return None
    if any("%t" in flag for flag in extra):
        return None
    extra = [flag.replace("%inputs", inputs) for flag in extra]
    is_cxx = path.endswith(".cpp")
    return (["-std=c++17"] if is_cxx else ["-std=gnu11"]) + extra


def compare(path, args):
    flags = flags_of(path, args.inputs)
    if flags is None:
        return "skipped"
    with open(path) as f:
        cleaned = re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", f.read())
    name = os.path.basename(path)
    copies = {}
    for tool in ("sctpify", "tidy"):
        directory = os.path.join(args.work, tool)
        os.makedirs(directory, exist_ok=True)
        copies[tool] = os.path.join(directory, name)
        with open(copies[tool], "w") as f:
            f.write(cleaned)
    tidy = [args.clang_tidy, "-load=" + args.module, "-checks=-*,sctp-*",
            "--use-color=false", "-quiet"]
    sctpify = [args.sctpify, "--color=false", "--quiet"]

    ours = run(sctpify + [copies["sctpify"], "--"] + flags)
    theirs = run(tidy + [copies["tidy"], "--"] + flags)
    if ours.returncode != 0 or theirs.returncode != 0:
        return "a tool failed:\n" + ours.stdout + ours.stderr + theirs.stdout + theirs.stderr
    if findings(ours.stdout) != findings(theirs.stdout):
        return "different findings:\n--- sctpify\n%s--- clang-tidy\n%s" % (
            ours.stdout, theirs.stdout)

    fixed = run(sctpify + ["-i", copies["sctpify"], "--"] + flags)
    tidied = run(tidy + ["--fix", copies["tidy"], "--"] + flags)
    if fixed.returncode != 0 or tidied.returncode != 0:
        return "a fixing run failed:\n" + fixed.stderr + tidied.stdout + tidied.stderr
    with open(copies["sctpify"]) as a, open(copies["tidy"]) as b:
        if a.read() != b.read():
            return "different fixes:\n" + run(
                ["diff", "-u", copies["sctpify"], copies["tidy"]]).stdout
    return None


def main():
    parser = argparse.ArgumentParser()
    for option in ("sctpify", "clang-tidy", "module", "inputs", "work"):
        parser.add_argument("--" + option, required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    failed = 0
    for path in args.files:
        problem = compare(path, args)
        if problem == "skipped":
            print("SKIP", os.path.basename(path))
        elif problem:
            failed += 1
            print("FAIL", os.path.basename(path))
            print(problem)
        else:
            print("PASS", os.path.basename(path))
    print("%d of %d files differ" % (failed, len(args.files)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
