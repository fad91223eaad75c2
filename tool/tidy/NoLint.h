//===- NoLint.h - Which findings clang-tidy will drop -----------*- C++ -*-===//
//
// clang-tidy decides NOLINT and --line-filter itself, after a check has
// emitted a diagnostic, and never tells the check. sctpify needs to know
// beforehand for one reason: the headers and helpers a file needs are added
// by the fix of the file's first rewrite that is shown, and a fix that
// clang-tidy drops takes them along. So the module predicts the drop with
// clang-tidy's rules (NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/END blocks with
// optional check globs, and clang-tidy's line filter) and lets the insertion
// ride on a finding that stays.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_TIDY_NOLINT_H
#define SCTPIFY_TIDY_NOLINT_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace sctpify::tidy {

struct NoLintBlock;

/// The NOLINT comments of one file's text.
class NoLintComments {
public:
  explicit NoLintComments(llvm::StringRef Text);
  ~NoLintComments();
  /// Whether clang-tidy silences a diagnostic of Check at Offset.
  bool silences(unsigned Offset, llvm::StringRef Check) const;

private:
  llvm::StringRef Text;
  std::vector<NoLintBlock> Blocks;
};

/// One NoLintComments per file, built when first asked.
class NoLintCache {
public:
  bool silences(llvm::StringRef File, llvm::StringRef Text, unsigned Offset,
                llvm::StringRef Check);

private:
  llvm::StringMap<std::unique_ptr<NoLintComments>> Files;
};

} // namespace sctpify::tidy

#endif
