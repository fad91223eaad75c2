#!/usr/bin/env python3
"""local_hook_config.py HOOKS.yaml [ID]: prints a .pre-commit-config.yaml that
uses the hook ID (default `sctpify`) of this repository's
.pre-commit-hooks.yaml as a local hook (a test cannot fetch the repository
the way users do). Fails if HOOKS.yaml has no such hook."""
import sys

path = sys.argv[1]
wanted = sys.argv[2] if len(sys.argv) > 2 else "sctpify"
# The hook definitions are a YAML list of mappings, each starting `- id: X`;
# keep the one asked for and indent it under a local repo.
blocks, current = [], None
for line in open(path).read().splitlines():
    if line.startswith("#"):
        continue
    if line.startswith("- id:"):
        current = [line]
        blocks.append(current)
    elif current is not None:
        current.append(line)
chosen = [b for b in blocks if b[0].split(":", 1)[1].strip() == wanted]
if len(chosen) != 1:
    sys.exit("%s: expected one hook with id '%s', found %d" % (path, wanted, len(chosen)))
body = "\n".join("      " + line if line.strip() else line for line in chosen[0])
print("repos:\n  - repo: local\n    hooks:\n" + body)
