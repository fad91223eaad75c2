#!/usr/bin/env python3
"""Runs one sctpify rule test, the way check_clang_tidy.py runs clang-tidy's.

Usage: check_sctpify.py [tool paths] INPUT TEMP [SCTPIFY-ARGS...] [-- COMPILER-FLAGS...]

INPUT holds `// CHECK-MESSAGES:` lines (FileCheck patterns for the report,
e.g. `:[[@LINE-1]]:3: warning: ... [rule-id]`; a finding is an error, a
warning or a remark, as its rule's severity says) and `// CHECK-FIXES:` lines
(patterns for the rewritten file). The check comments are blanked in the copy
sctpify works on, so line numbers stay and fixes cannot match their own
checks. Every run proves, in order:
  1. the report lists exactly the expected findings (no other error, warning
     or remark);
  2. --export-fixes + clang-apply-replacements gives the same bytes as -i;
  3. the rewritten file matches CHECK-FIXES;
  4. the rewritten file compiles (clang -fsyntax-only);
  5. a second -i run changes nothing.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kwargs)


def fail(message, output=""):
    sys.stderr.write("check_sctpify: " + message + "\n")
    if output:
        sys.stderr.write(output + "\n")
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    for tool in ("sctpify", "filecheck", "clang", "clangxx", "apply-replacements"):
        parser.add_argument("--" + tool, required=True)
    parser.add_argument("input")
    parser.add_argument("temp")
    argv, compiler_flags = sys.argv[1:], []
    if "--" in argv:
        split = argv.index("--")
        argv, compiler_flags = argv[:split], argv[split + 1:]
    # What follows the two paths goes to sctpify as it is (--disable=...).
    args, sctpify_args = parser.parse_known_args(argv)

    extension = os.path.splitext(args.input)[1]
    is_cxx = extension in (".cpp", ".cc", ".cxx")
    compiler = args.clangxx if is_cxx else args.clang
    default_std = ["-std=c++17"] if is_cxx else ["-std=gnu11"]
    flags = default_std + compiler_flags

    with open(args.input) as f:
        original = f.read()
    cleaned = re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", original)
    has_messages = "CHECK-MESSAGES" in original
    has_fixes = "CHECK-FIXES" in original

    work = args.temp + extension
    exported = args.temp + ".exported" + extension
    export_dir = args.temp + ".fixes"
    for path in (work, exported):
        with open(path, "w") as f:
            f.write(cleaned)
    shutil.rmtree(export_dir, ignore_errors=True)
    os.makedirs(export_dir)

    base = [args.sctpify, "--color=false", "--quiet"] + sctpify_args

    # 1. The report.
    report = run(base + [work, "--"] + flags)
    if report.returncode != 0:
        fail("sctpify exited with %d in report mode" % report.returncode,
             report.stdout)
    # FileCheck sees paths stripped so patterns can start at `:line:col:`.
    messages = report.stdout.replace(work, "")
    with open(args.temp + ".msg", "w") as f:
        f.write(messages)
    if has_messages:
        check = run([args.filecheck, args.input, "--check-prefix=CHECK-MESSAGES",
                     "--input-file=" + args.temp + ".msg",
                     "--implicit-check-not={{warning|error|remark}}:"])
        if check.returncode != 0:
            fail("CHECK-MESSAGES failed; sctpify printed:", messages + check.stdout)
    elif re.search(r"(warning|error|remark):", messages):
        fail("unexpected diagnostics:", messages)

    # 2. Export the fixes, apply them with clang-apply-replacements.
    yaml = os.path.join(export_dir, "fixes.yaml")
    exp = run(base + ["--export-fixes=" + yaml, exported, "--"] + flags)
    if exp.returncode != 0:
        fail("sctpify --export-fixes failed", exp.stdout)
    car = run([args.apply_replacements, export_dir])
    if car.returncode != 0:
        fail("clang-apply-replacements failed", car.stdout)

    # 3. Rewrite in place and check the text.
    fix = run(base + ["-i", work, "--"] + flags)
    if fix.returncode != 0:
        fail("sctpify -i exited with %d" % fix.returncode, fix.stdout)
    with open(work) as f:
        fixed = f.read()
    with open(exported) as f:
        if f.read() != fixed:
            diff = run(["diff", "-u", work, exported])
            fail("clang-apply-replacements and -i disagree", diff.stdout)
    if has_fixes:
        check = run([args.filecheck, args.input, "--check-prefix=CHECK-FIXES",
                     "--strict-whitespace", "--input-file=" + work])
        if check.returncode != 0:
            fail("CHECK-FIXES failed", check.stdout)
    elif fixed != cleaned:
        fail("the file changed but the test has no CHECK-FIXES",
             run(["diff", "-u", args.input, work]).stdout)

    # 4. It compiles.
    compile_ = run([compiler, "-fsyntax-only", "-Werror=implicit-function-declaration",
                    work] + flags)
    if compile_.returncode != 0:
        fail("the rewritten file does not compile", compile_.stdout)

    # 5. Idempotence.
    again = run(base + ["-i", work, "--"] + flags)
    with open(work) as f:
        if again.returncode != 0 or f.read() != fixed:
            fail("a second run changed the file or failed", again.stdout)


if __name__ == "__main__":
    main()
