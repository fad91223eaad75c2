#!/usr/bin/env python3
"""every_rule_tested.py LIST RULE-TEST-DIR: fails naming each rule id in the
`--list-rules` output LIST that has no test file <id>.c/.cpp/.test, or if
LIST names no rule at all; prints `N rules, each with a test`."""
import os
import sys

listing, test_dir = sys.argv[1], sys.argv[2]
tests = {os.path.splitext(name)[0] for name in os.listdir(test_dir)}
ids = [line.split()[0] for line in open(listing) if line.strip()]
if not ids:
    sys.exit("no rules listed in %s" % listing)
untested = [i for i in ids if i not in tests]
if untested:
    sys.exit("rules without a test in %s: %s" % (test_dir, ", ".join(untested)))
print("%d rules, each with a test" % len(ids))
