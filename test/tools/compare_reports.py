#!/usr/bin/env python3
"""compare_reports.py A.json B.json: the findings of two --report=json runs
must be identical (skipping must not change what sctpify finds)."""
import json
import sys

a, b = (json.load(open(path)) for path in sys.argv[1:3])
if a["findings"] != b["findings"]:
    sys.exit("the findings differ:\n%s\n---\n%s" % (
        json.dumps(a["findings"], indent=1), json.dumps(b["findings"], indent=1)))
print("%d findings identical; skipped %d vs %d of %d" % (
    len(a["findings"]), a["summary"]["skipped"], b["summary"]["skipped"],
    a["summary"]["translation_units"]))
