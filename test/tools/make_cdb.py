#!/usr/bin/env python3
"""make_cdb.py DIR SYSTEM-INCLUDE FILE...: prints a compile_commands.json for
FILEs in DIR (tests need absolute paths that only exist at test time)."""
import json
import os
import sys

directory, system_include, files = sys.argv[1], sys.argv[2], sys.argv[3:]
print(json.dumps([{
    "directory": os.path.abspath(directory),
    "file": name,
    "arguments": ["cc", "-c", "-Iinclude", "-isystem", system_include, name],
} for name in files], indent=2))
