#!/usr/bin/env python3
"""sarif_facts.py REPORT.sarif: prints, one line each, the facts of a SARIF
log that code-scanning UIs rely on, for FileCheck: the %SRCROOT% base, and
per result its rule, artifact uri and base, whether it has a line-hash
fingerprint, and its suppressions."""
import json
import sys

run = json.load(open(sys.argv[1]))["runs"][0]
for name, base in sorted(run.get("originalUriBaseIds", {}).items()):
    print("base %s %s" % (name, base["uri"]))
for result in run["results"]:
    where = result["locations"][0]["physicalLocation"]["artifactLocation"]
    print("result %s uri=%s base=%s fingerprint=%s suppressions=%s" % (
        result["ruleId"], where["uri"], where.get("uriBaseId", "-"),
        "yes" if result.get("partialFingerprints", {}).get("sctpifyLineHash/v1") else "no",
        ",".join(s["kind"] for s in result.get("suppressions", [])) or "-"))
