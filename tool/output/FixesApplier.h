//===- FixesApplier.h - Edits as files, diffs or YAML -----------*- C++ -*-===//
#ifndef SCTPIFY_OUTPUT_FIXESAPPLIER_H
#define SCTPIFY_OUTPUT_FIXESAPPLIER_H

#include "engine/Finding.h"
#include "engine/Merge.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace sctpify {

/// Rewrites each file with its edits. The new text goes to an
/// llvm::sys::fs::TempFile in the same directory, which gets the original's
/// permissions and replaces it with rename(), so a reader sees the old file
/// or the new one, never half; TempFile removes itself if the run is
/// interrupted. A file that changed on disk since it was parsed is not
/// touched. Errors name each file; the other files are still written.
llvm::Error applyInPlace(const EditMap &Edits, unsigned &FilesChanged);

/// Prints a unified diff of every file's edits.
llvm::Error printDiff(const EditMap &Edits, llvm::raw_ostream &OS);

/// Writes the findings in the YAML clang-tidy's --export-fixes writes and
/// clang-apply-replacements reads (tooling::TranslationUnitDiagnostics).
llvm::Error exportFixes(llvm::StringRef YamlPath, llvm::StringRef MainSourceFile,
                        const std::vector<Finding> &Findings);

} // namespace sctpify

#endif
