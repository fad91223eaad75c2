//===- Formatting.h - Ported code in the project's own style ----*- C++ -*-===//
//
// The text a rule writes is one line; a project has its own style. As
// clang-tidy's --format-style does, the lines the edits touch are formatted
// with clang-format's library: the project's .clang-format when it has one
// (style `file`), or the style the user names; with neither (the default
// `file` and no .clang-format found), nothing is reformatted. Only those
// lines change: no untouched line is joined to them, no include re-sorted.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_FORMATTING_H
#define SCTPIFY_ENGINE_FORMATTING_H

#include "engine/Finding.h"
#include "engine/Merge.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace sctpify {

/// Formats the lines each file's edits touch, and no other, in StyleSpec (`file`, `none`,
/// `llvm`, `google`, ..., or `{key: value, ...}`). A file's formatted edits
/// replace its findings' own, on its first unsuppressed rewrite, so that
/// -i, --diff and --export-fixes agree. Errors: a StyleSpec clang-format
/// does not accept, a .clang-format it cannot read.
llvm::Error formatEdits(EditMap &Edits, std::vector<Finding> &Findings,
                        llvm::StringRef StyleSpec);

} // namespace sctpify

#endif
