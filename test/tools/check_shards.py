#!/usr/bin/env python3
"""check_shards.py ALL.json SHARD.json...: the shards' translation units are
all of ALL's, each exactly once."""
import collections
import json
import sys

every = json.load(open(sys.argv[1]))["summary"]["files"]
counts = collections.Counter(
    f for path in sys.argv[2:] for f in json.load(open(path))["summary"]["files"])
missing = set(every) - set(counts)
repeated = [f for f, n in counts.items() if n > 1]
if missing or repeated or set(counts) - set(every):
    sys.exit("missing %s, repeated %s" % (sorted(missing), repeated))
print("%d translation units, each in exactly one of %d shards" % (len(every), len(sys.argv) - 2))
