# lit configuration for sctpify: test/rules/ has one file per rule id, each
# showing only that rule's own edges; test/engine/ the behaviour every rule
# shares (values, descriptor origins, run-time helpers, macros, where a call
# is written), once; test/headers/ include placement; test/driver/ the
# command line (modes, exit codes, bad input); test/workflows/ whole runs.
import os
import lit.formats

config.name = "sctpify"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.binary_root, "test")
# Inputs/ holds files that tests include or copy; e2e/ runs in a VM through
# its own ctest entry; fallback/ holds the programs and scripts of the
# fallback-host and fallback-vm ctest entries.
config.excludes = ["Inputs", "tools", "e2e", "runtime", "corpus", "unit", "fallback", "lit.cfg.py", "check_sctpify.py"]

tools = os.path.join(config.test_source_root, "tools")
check = " ".join([
    config.python, os.path.join(config.test_source_root, "check_sctpify.py"),
    "--sctpify=" + config.sctpify, "--filecheck=" + config.filecheck,
    "--clang=" + config.clang, "--clangxx=" + config.clangxx,
    "--apply-replacements=" + config.apply_replacements,
])
config.substitutions.append(("%check_sctpify", check))
config.substitutions.append(("%sctpify", config.sctpify))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%apply_replacements", config.apply_replacements))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%source_root", config.source_root))
config.substitutions.append(("%binary_root", config.binary_root))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
# FileCheck, not, count and friends come from LLVM's own bin directory.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck), "/usr/lib/llvm-19/bin",
     config.environment.get("PATH", os.environ.get("PATH", ""))])
# Diagnostics must not depend on the terminal.
config.environment["TERM"] = "dumb"
