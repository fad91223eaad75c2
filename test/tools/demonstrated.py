#!/usr/bin/env python3
"""demonstrated.py HAZARDS.C RULES-DOC: every rule id hazards.c reports on
must be a rule whose reference (RULES-DOC, from --rules-doc) links to it,
and every flag rule must link to a run-time demonstration."""
import re
import sys

hazards, doc = open(sys.argv[1]).read(), open(sys.argv[2]).read()
sections = dict(re.findall(r"^## (\S+)\n(.*?)(?=^## |\Z)", doc, re.M | re.S))
ids = set(re.findall(r'"(sctp-[a-z0-9-]+)"', hazards)) - {"sctp-option-*"}
problems = [i for i in sorted(ids)
            if i not in sections or "test/e2e/hazards.c" not in sections[i]]
if problems:
    sys.exit("not linked to their demonstration: " + ", ".join(problems))
flags = [i for i, text in sorted(sections.items()) if text.lstrip().startswith("*flag*")]
undemonstrated = [i for i in flags if "Shown at run time" not in sections[i]]
if undemonstrated:
    sys.exit("flag rules without a run-time demonstration: " + ", ".join(undemonstrated))
print("%d demonstrated rules linked; %d flag rules, each demonstrated" % (len(ids), len(flags)))
