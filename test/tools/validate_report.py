#!/usr/bin/python3
"""validate_report.py SCHEMA.json REPORT.json: validates a report against a
JSON Schema with the jsonschema package (Debian's python3-jsonschema), using
the draft the schema declares."""
import json
import sys

import jsonschema

schema, report = (json.load(open(path)) for path in sys.argv[1:3])
validator = jsonschema.validators.validator_for(schema)
validator.check_schema(schema)
errors = sorted(validator(schema).iter_errors(report), key=lambda e: list(e.path))
for error in errors:
    print("%s: %s" % ("/".join(map(str, error.path)) or "(root)", error.message))
if errors:
    sys.exit(1)
print("valid")
