#!/usr/bin/env python3
"""error_channels.py REPORT.json REPORT.sarif: prints how each report counts
the run's errors, so that a test can assert that every channel agrees:
`json: failed=N errors=M` and `sarif: notifications=K successful=B`, then
one `error: FILE: MESSAGE` line per JSON error and one `notification:`
line per SARIF notification."""
import json
import sys

with open(sys.argv[1]) as f:
    summary = json.load(f)["summary"]
print("json: failed=%d errors=%d" % (summary["failed"], len(summary["errors"])))
for e in summary["errors"]:
    print("error: %s: %s" % (e["file"], e["message"]))

with open(sys.argv[2]) as f:
    invocation = json.load(f)["runs"][0]["invocations"][0]
notifications = invocation["toolExecutionNotifications"]
print("sarif: notifications=%d successful=%s"
      % (len(notifications), str(invocation["executionSuccessful"]).lower()))
for n in notifications:
    print("notification: %s: %s" % (n["level"], n["message"]["text"]))
