//===- Finding.h - One thing sctpify has to say about the code --*- C++ -*-===//
#ifndef SCTPIFY_ENGINE_FINDING_H
#define SCTPIFY_ENGINE_FINDING_H

#include "clang/Tooling/Core/Diagnostic.h"
#include <string>
#include <vector>

namespace sctpify {

/// A clang::tooling::Diagnostic (rule id in DiagnosticName, the message and
/// its fixes in Message, the ported form as a note), detached from the AST
/// so that findings of many translation units can be merged after their
/// ASTs are gone — as clang-tidy's ClangTidyError extends the same type.
struct Finding : clang::tooling::Diagnostic {
  enum class Kind {
    Rewrite, ///< sctpify ports it (Message.Fix holds the edits)
    Review,  ///< a rewrite rule applies but sctpify cannot make the edit
    Flag,    ///< behaviour with no ported form sctpify can write
  };

  // tooling::Diagnostic's default constructor leaves the level unset; a
  // copy of an unset enum is undefined behaviour (UBSan reports it).
  Finding() { DiagLevel = Warning; }

  Kind What = Kind::Flag;
  unsigned Line = 0, Column = 0; ///< 1-based; Column counts bytes, as clang's
  bool Suppressed = false;       ///< by a NOSCTPIFY comment
  /// What the edits need declared before them in their file: headers for
  /// names not yet visible at the first port, and helpers they call. The
  /// merge step plans one insertion per file from the findings that remain.
  std::vector<std::string> NeedsHeaders, NeedsHelpers;

  const std::string &ruleId() const { return DiagnosticName; }
  /// "error", "warning" or "note" (a remark in clang's terms).
  llvm::StringRef severity() const {
    return DiagLevel == Error ? "error" : DiagLevel == Warning ? "warning" : "note";
  }
  const std::string &filePath() const { return Message.FilePath; }
  unsigned offset() const { return Message.FileOffset; }
  const std::string &text() const { return Message.Message; }
  std::string note() const {
    return Notes.empty() ? std::string() : Notes.front().Message;
  }
  bool rewrites() const { return What == Kind::Rewrite; }
  /// Every replacement of the finding, in any file.
  std::vector<clang::tooling::Replacement> fixes() const;

  /// Same place, rule and words: one finding, maybe seen from several TUs.
  friend bool sameFinding(const Finding &A, const Finding &B) {
    return A.filePath() == B.filePath() && A.offset() == B.offset() &&
           A.ruleId() == B.ruleId() && A.text() == B.text();
  }
  friend bool operator<(const Finding &A, const Finding &B) {
    return std::tie(A.filePath(), A.Message.FileOffset, A.ruleId(), A.text()) <
           std::tie(B.filePath(), B.Message.FileOffset, B.ruleId(), B.text());
  }
};

inline std::vector<clang::tooling::Replacement> Finding::fixes() const {
  std::vector<clang::tooling::Replacement> All;
  for (const auto &Entry : Message.Fix)
    All.insert(All.end(), Entry.second.begin(), Entry.second.end());
  return All;
}

} // namespace sctpify

#endif
