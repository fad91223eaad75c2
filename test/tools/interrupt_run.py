#!/usr/bin/env python3
"""interrupt_run.py SCTPIFY SOURCE WORKDIR [--copies N] [--trials K]

Interrupts `sctpify -i` over N copies of SOURCE with SIGINT or SIGTERM, K
times: half of them during the writes (at the first temporary file, or
once half of the files have had one), half at moments spread over the
analysis; and checks what must hold whenever a run stops
(docs/usage.md, "-i, --in-place"): every file is either exactly as it was or
exactly as an uninterrupted run leaves it, no `*.sctpify-*` temporary is
left, and a later run finishes the work; at least one trial must stop the
run while it is writing files. Prints one line per trial and exits 1 on
the first violation.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import time


def fill(directory, text, copies):
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    names = []
    for i in range(copies):
        name = os.path.join(directory, "tu%03d.c" % i)
        with open(name, "wb") as f:
            f.write(text)
        names.append(name)
    return names


def run(sctpify, names, **kwargs):
    return subprocess.Popen([sctpify, "-i", "--quiet", "-j", "2"] + names + ["--"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sctpify")
    parser.add_argument("source")
    parser.add_argument("workdir")
    parser.add_argument("--copies", type=int, default=60)
    parser.add_argument("--trials", type=int, default=8)
    parser.add_argument("--pad-kib", type=int, default=1024,
                        help="a comment this long after the code, so that the "
                        "writes take long enough to be interrupted")
    args = parser.parse_args()
    original = open(args.source, "rb").read() + (
        b"/*\n" + b"padding " * (args.pad_kib * 128) + b"\n*/\n")

    # The reference: an uninterrupted run (the second, with warm caches),
    # timed to place the signals.
    for _ in range(2):
        names = fill(os.path.join(args.workdir, "reference"), original, args.copies)
        start = time.monotonic()
        ref = run(args.sctpify, names)
        ref.communicate()
        duration = time.monotonic() - start
    ported = open(names[0], "rb").read()
    if ref.returncode != 0 or ported == original:
        print("FAIL reference run: status %d, file %s" %
              (ref.returncode, "unchanged" if ported == original else "changed"))
        return 1

    midway = 0
    for trial in range(args.trials):
        sig = signal.SIGINT if trial % 4 < 2 else signal.SIGTERM
        names = fill(os.path.join(args.workdir, "trial%d" % trial), original, args.copies)
        proc = run(args.sctpify, names)
        if trial % 2 == 0:
            # Files are written once every TU is analysed, in the last few
            # per cent of the run, too short to hit by timing alone: watch
            # the temporary files come and go, and stop the run at the first
            # (trial 0) or once it has started on half of the files.
            start = time.monotonic()
            directory = os.path.dirname(names[0])
            seen, wanted = set(), 1 if trial == 0 else args.copies // 2
            while proc.poll() is None and len(seen) < wanted:
                seen.update(n for n in os.listdir(directory) if ".sctpify-" in n)
                time.sleep(0.0002)
            delay = time.monotonic() - start
        else:
            # And at moments spread over the analysis before.
            delay = duration * trial / (args.trials + 1)
            time.sleep(delay)
        proc.send_signal(sig)
        _, err = proc.communicate()
        old = new = 0
        for name in names:
            text = open(name, "rb").read()
            if text == original:
                old += 1
            elif text == ported:
                new += 1
            else:
                print("FAIL trial %d (%s): %s is neither the original nor the port" %
                      (trial, sig.name, name))
                return 1
        strays = [n for n in os.listdir(os.path.dirname(names[0])) if ".sctpify-" in n]
        if strays:
            print("FAIL trial %d (%s): temporaries left: %s" % (trial, sig.name, strays))
            return 1
        # What the interrupted run did not do, the next one does.
        if new and old:
            again = run(args.sctpify, names)
            again.communicate()
            if any(open(n, "rb").read() != ported for n in names):
                print("FAIL trial %d: a second run did not finish the port" % trial)
                return 1
        print("trial %d %s after %.2f s: status %d, %d new, %d old, no temporaries" %
              (trial, sig.name, delay, proc.returncode, new, old))
        shutil.rmtree(os.path.dirname(names[0]))
        if new and old:
            midway += 1
    # Without a stop among the writes, the test would not have tested them.
    if midway == 0:
        print("FAIL no trial stopped the run while it was writing files")
        return 1
    print("interrupted runs: %d trials, %d stopped while writing, every file "
          "old or new" % (args.trials, midway))
    return 0


if __name__ == "__main__":
    sys.exit(main())
