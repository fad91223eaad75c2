//===- Finding.h - One thing sctpify has to say about the code --*- C++ -*-===//
#ifndef SCTPIFY_ENGINE_FINDING_H
#define SCTPIFY_ENGINE_FINDING_H

#include "clang/Tooling/Core/Replacement.h"
#include <cstdint>
#include <string>
#include <vector>

namespace sctpify {

/// What the engine found, detached from the AST that produced it so that
/// findings from many translation units can be merged, de-duplicated and
/// printed after those ASTs are gone (the way clang-tidy handles its errors).
struct Finding {
  enum class Kind {
    Rewrite, ///< sctpify ports it (Fixes holds the edits)
    Review,  ///< a rewrite rule applies but sctpify cannot make the edit
    Flag,    ///< TCP-only behaviour with no drop-in SCTP form
  };

  std::string RuleId;
  Kind What = Kind::Flag;
  std::string FilePath; ///< absolute path
  unsigned Offset = 0;  ///< where the warning points
  unsigned Line = 0, Column = 0;
  std::string Message;
  std::string Note;           ///< the suggested SCTP form
  std::string NoteFilePath;   ///< empty: the note has no location of its own
  unsigned NoteOffset = 0;
  /// The edits that port this finding, header insertions included. Empty for
  /// a flag or for a rewrite sctpify could not make (then Message says why).
  std::vector<clang::tooling::Replacement> Fixes;
  bool Suppressed = false;
  /// Hash of the file's contents when it was parsed: edits are only applied
  /// to the same contents, never to a file that changed meanwhile.
  uint64_t ContentHash = 0;

  bool rewrites() const { return What == Kind::Rewrite; }
  friend bool operator<(const Finding &A, const Finding &B) {
    return std::tie(A.FilePath, A.Offset, A.RuleId, A.Message) <
           std::tie(B.FilePath, B.Offset, B.RuleId, B.Message);
  }
  friend bool operator==(const Finding &A, const Finding &B) {
    return std::tie(A.FilePath, A.Offset, A.RuleId, A.Message) ==
           std::tie(B.FilePath, B.Offset, B.RuleId, B.Message);
  }
};

} // namespace sctpify

#endif
