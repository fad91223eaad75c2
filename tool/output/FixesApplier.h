//===- FixesApplier.h - Edits as files, diffs or YAML -----------*- C++ -*-===//
#ifndef SCTPIFY_OUTPUT_FIXESAPPLIER_H
#define SCTPIFY_OUTPUT_FIXESAPPLIER_H

#include "engine/Finding.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace sctpify {

/// Every unsuppressed fix, grouped by file. Identical edits (one header seen
/// from several TUs) collapse; overlapping different ones are an error naming
/// the file, and that file is left out.
struct FileEdits {
  clang::tooling::Replacements Replacements;
  uint64_t ContentHash = 0; ///< of the contents the edits were made for
};
using EditMap = std::map<std::string, FileEdits>;

/// Every finding of a file carries the file's one include/helper insertion,
/// so that whichever findings survive suppression, filters and macro
/// decisions still compile. clang-apply-replacements applies identical
/// insertions once per diagnostic, so this keeps each on its first
/// unsuppressed finding only. Call once the set of findings is final.
void keepInsertionsOnce(std::vector<Finding> &Findings);

EditMap collectEdits(const std::vector<Finding> &Findings,
                     std::vector<std::string> &ConflictingFiles);

/// Rewrites each file with its edits: the new text goes to a temporary file
/// in the same directory, gets the original's permissions and replaces it
/// with rename(), so a reader sees the old file or the new one, never half.
/// A file that changed on disk since it was parsed is not touched.
llvm::Error applyInPlace(const EditMap &Edits,
                         unsigned &FilesChanged);

/// Prints a unified diff of every file's edits.
llvm::Error printDiff(const EditMap &Edits,
                      llvm::raw_ostream &OS);

/// Writes the findings in the YAML clang-tidy's --export-fixes writes and
/// clang-apply-replacements reads.
llvm::Error exportFixes(llvm::StringRef YamlPath, llvm::StringRef MainSourceFile,
                        const std::vector<Finding> &Findings);

} // namespace sctpify

#endif
