#!/usr/bin/env python3
"""gen_header.py RULES-DIR OUT.h: the TCP fallback mode's helpers as one header,
for the host unit test (unit_c.c, unit_cxx.cpp), which calls them directly.

The text is the rule file's (rules/modes/fallback-tcp.yaml, and the helpers
of rules/*.yaml it uses), so the unit test runs exactly the code sctpify
writes into a port: every helper of the mode, those it calls first, each
guarded as sctpify guards it."""
import glob
import os
import re
import sys

import yaml

rules_dir, out = sys.argv[1], sys.argv[2]
mode = os.path.join(rules_dir, "modes", "fallback-tcp.yaml")
helpers = {}
for path in sorted(glob.glob(os.path.join(rules_dir, "*.yaml"))) + [mode]:
    with open(path) as f:
        helpers.update((yaml.safe_load(f) or {}).get("helpers") or {})
with open(mode) as f:
    roots = list((yaml.safe_load(f) or {}).get("helpers") or {})


def calls(name):
    # As the engine reads it (RuleFile.cpp helperCalls): sctpify_ names in the
    # code outside comments.
    code = re.sub(r"/\*.*?\*/|//[^\n]*", " ", helpers[name]["code"], flags=re.S)
    return [n for n in dict.fromkeys(re.findall(r"\bsctpify_\w+", code)) if n != name]


order, headers = [], []
def add(name):
    if name in order:
        return
    for used in calls(name):
        add(used)
    order.append(name)
    for entry in helpers[name].get("headers") or []:
        header = entry.split()[0]
        if header not in headers:
            headers.append(header)


for name in roots:
    add(name)
with open(out, "w") as f:
    f.write("/* Generated from %s by test/fallback/gen_header.py; do not edit. */\n"
            % os.path.relpath(mode, os.path.dirname(rules_dir)))
    f.write("#ifndef SCTPIFY_FALLBACK_H\n#define SCTPIFY_FALLBACK_H\n")
    for header in headers:
        f.write("#include %s\n" % header)
    for name in order:
        guard = name.upper() + "_DEFINED"
        f.write("#ifndef %s\n#define %s\n%s\n#endif\n"
                % (guard, guard, helpers[name]["code"].rstrip()))
    f.write("#endif\n")
