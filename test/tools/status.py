#!/usr/bin/env python3
"""status.py EXPECTED CMD...: runs CMD, passes its output through, and exits
0 only if CMD exited with EXPECTED (lit's `not` cannot tell 1 from 2)."""
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.run(sys.argv[2:]).returncode
if status != expected:
    sys.stderr.write("status.py: expected exit status %d, got %d\n" % (expected, status))
    sys.exit(1)
