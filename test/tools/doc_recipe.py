#!/usr/bin/env python3
"""doc_recipe.py WORKFLOWS.md KIND [FILE]: prints an editor recipe of
docs/workflows.md as the editor would run it, so that tests run the doc's own
words. KIND is `vim` (the script that defines :Sctpify), `emacs` (the shell
command sctpify-fix-buffer runs on FILE) or `vscode` (the command of the
"sctpify: apply fixes" task on FILE). Fails if the doc has no such recipe."""
import json
import re
import shlex
import sys

doc = open(sys.argv[1]).read()
kind = sys.argv[2]


def block(language):
    blocks = re.findall(r"```%s\n(.*?)```" % language, doc, re.S)
    if len(blocks) != 1:
        sys.exit("%s: expected one ```%s block, found %d" % (sys.argv[1], language, len(blocks)))
    return blocks[0]


if kind == "vim":
    print(block("vim"), end="")
elif kind == "emacs":
    # (format "COMMAND %s ..." (shell-quote-argument buffer-file-name))
    template = re.search(r'\(format "((?:[^"\\]|\\.)*)"', block("elisp")).group(1)
    print(template.replace("%s", shlex.quote(sys.argv[3])))
elif kind == "vscode":
    tasks = json.loads(block("json"))["tasks"]
    command = next(t["command"] for t in tasks if t["label"] == "sctpify: apply fixes")
    print(command.replace("${file}", shlex.quote(sys.argv[3])))
else:
    sys.exit("unknown recipe kind " + kind)
