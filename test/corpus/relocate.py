#!/usr/bin/python3
"""relocate.py FROM TO: makes TO, a copy (cp -a) of the built tree FROM, a
tree built in TO.

Build systems write their tree's absolute path into the files they generate
(Makefiles, config.status, libtool scripts, compile_commands.json, ...).
Every text file in TO that names FROM is rewritten to name TO, keeping its
modification time, so that make sees nothing new; binary files (objects,
archives, programs) are left as they are: they are only rebuilt from
sources. Fails if a text file still names FROM afterwards.
"""
import os
import re
import sys


def text(data):
    return b"\0" not in data[:8192]


def main(old, new):
    old, new = os.fsencode(os.path.abspath(old)), os.fsencode(os.path.abspath(new))
    # FROM as a whole path, not the start of a longer name (FROM-build.log).
    pattern = re.compile(re.escape(old) + rb"(?![\w.+-])")
    moved = left = 0
    for root, dirs, files in os.walk(new):
        for name in files:
            path = os.path.join(root, name)
            if os.path.islink(path):
                continue
            with open(path, "rb") as f:
                data = f.read()
            if old not in data or not text(data):
                continue
            stat = os.stat(path)
            with open(path, "wb") as f:
                f.write(pattern.sub(new, data))
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            moved += 1
            with open(path, "rb") as f:
                if pattern.search(f.read()):
                    print(f"relocate.py: {path} still names {os.fsdecode(old)}",
                          file=sys.stderr)
                    left += 1
    print(f"relocate.py: {moved} files now name {os.fsdecode(new)}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
