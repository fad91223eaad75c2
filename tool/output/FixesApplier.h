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

/// Rewrites each file with its edits, as replaceFileContents (InPlaceWrite.h)
/// does: atomically, keeping what belongs to the file, refusing what it
/// cannot keep. A file that changed on disk since it was parsed is not
/// touched. Errors name each file; the other files are still written.
/// Warnings get what was carried over imperfectly (stray temporaries are
/// the caller's: warnStrayTemporaries, for every file a run reads).
llvm::Error applyInPlace(const EditMap &Edits, unsigned &FilesChanged,
                         std::vector<std::string> &Warnings);

/// Prints a unified diff of every file's edits, with paths relative to Root
/// (absolute for a file outside it, which patch -p1 then cannot place).
llvm::Error printDiff(const EditMap &Edits, llvm::StringRef Root,
                      llvm::raw_ostream &OS);

/// Writes the findings in the YAML clang-tidy's --export-fixes writes and
/// clang-apply-replacements reads (tooling::TranslationUnitDiagnostics).
void exportFixes(llvm::raw_ostream &OS, llvm::StringRef MainSourceFile,
                 const std::vector<Finding> &Findings);

} // namespace sctpify

#endif
