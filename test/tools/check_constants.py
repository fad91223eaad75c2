#!/usr/bin/env python3
"""check_constants.py CC RULES-DIR: every `constants:` entry in RULES-DIR/*.yaml
and RULES-DIR/modes/*.yaml must equal what the system headers say, or rules would match the wrong values.
Compiles one C file of _Static_asserts; prints `N constants checked`."""
import glob
import os
import re
import subprocess
import sys
import tempfile

cc, rules_dir = sys.argv[1], sys.argv[2]
entries = []
for path in sorted(glob.glob(os.path.join(rules_dir, "*.yaml")) +
                   glob.glob(os.path.join(rules_dir, "modes", "*.yaml"))):
    in_constants = False
    for line in open(path):
        if re.match(r"^constants:\s*$", line):
            in_constants = True
            continue
        if in_constants and re.match(r"^\S", line):
            in_constants = False
        m = re.match(r"^\s+([A-Za-z_][A-Za-z0-9_]*):\s*(-?(?:0x[0-9a-fA-F]+|\d+))\s*(#.*)?$", line)
        if in_constants and m:
            entries.append((m.group(1), int(m.group(2), 0), path))
if not entries:
    sys.exit("no constants found under " + rules_dir)
source = "\n".join([
    "#define _GNU_SOURCE",
    "#include <sys/socket.h>", "#include <sys/ioctl.h>", "#include <netinet/in.h>",
    "#include <netinet/tcp.h>", "#include <netinet/sctp.h>", "#include <netdb.h>",
    "#include <fcntl.h>", "#include <linux/sockios.h>",
] + ['_Static_assert((%s) == (%d), "%s: %s is not %d");' % (n, v, os.path.basename(p), n, v)
     for n, v, p in entries]) + "\n"
with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as f:
    f.write(source)
result = subprocess.run([cc, "-fsyntax-only", f.name], stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT, text=True)
os.unlink(f.name)
if result.returncode != 0:
    sys.exit(result.stdout)
print("%d constants checked" % len(entries))
