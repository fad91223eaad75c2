#!/usr/bin/env python3
"""local_hook_config.py HOOKS.yaml: prints a .pre-commit-config.yaml that uses
the `sctpify` hook of this repository's .pre-commit-hooks.yaml as a local hook
(a test cannot fetch the repository the way users do)."""
import sys

text = open(sys.argv[1]).read()
# The hook definitions are a YAML list; indent them under a local repo.
body = "\n".join("      " + line if line.strip() else line
                 for line in text.splitlines() if not line.startswith("#"))
print("repos:\n  - repo: local\n    hooks:\n" + body)
