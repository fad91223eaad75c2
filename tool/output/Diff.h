//===- Diff.h - Unified diffs of sctpify's edits ----------------*- C++ -*-===//
#ifndef SCTPIFY_OUTPUT_DIFF_H
#define SCTPIFY_OUTPUT_DIFF_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/raw_ostream.h"

namespace sctpify {

/// Writes a unified diff (3 lines of context, as `git diff` writes it:
/// `--- a/Path` and `+++ b/Path`, so `git apply` and `patch -p1` take it
/// from the directory Path is relative to) of what applying Edits to Code
/// does. The hunks come straight from the edits, so no general-purpose diff
/// algorithm is needed.
void writeUnifiedDiff(llvm::StringRef Path, llvm::StringRef Code,
                      const clang::tooling::Replacements &Edits,
                      llvm::raw_ostream &OS);

} // namespace sctpify

#endif
