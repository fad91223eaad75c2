//===- Finding.h - One thing sctpify has to say about the code --*- C++ -*-===//
//
// A finding holds what a clang::tooling::Diagnostic holds (rule id, level,
// place, message, fixes, the ported form as a note), but compactly: its
// texts are interned and its edits are (file, offset, length, text)
// records. A TU of generated code has one finding per function, and the
// findings live beside the AST until the TU is done: as tooling::Diagnostic
// (a message string, a path string, a StringMap of Replacements, each with
// its own path string, and a SmallVector of notes) a finding cost about
// 2.7 KiB of peak memory, three and a half times what clang's parse spends
// on the function (0.76 KiB); now about 0.3 KiB beyond it. The
// tooling::Diagnostic is built only where a consumer needs that type
// (toDiagnostic: --export-fixes, the clang-tidy module), one at a time.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_FINDING_H
#define SCTPIFY_ENGINE_FINDING_H

#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMapEntry.h"
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace sctpify {

/// A string stored once for the whole process, however many findings name
/// it: file paths, rule ids, a rule's message, the ported form of a call
/// repeated in every function of a generated file. A handle is one pointer,
/// so equal texts compare by address, and it stays valid after the TU that
/// made it, its AST and its thread are gone (findings of every TU are
/// merged at the end). The pool only grows: it holds each distinct text a
/// run reports, which it would hold anyway until the report is written.
class Interned {
public:
  Interned() = default; ///< the empty string
  explicit Interned(llvm::StringRef Text);

  llvm::StringRef ref() const {
    return Entry ? Entry->getKey() : llvm::StringRef();
  }
  operator llvm::StringRef() const { return ref(); }
  std::string str() const { return ref().str(); }
  bool empty() const { return !Entry; }

  /// One pool, one entry per text: the same text is the same address.
  friend bool operator==(Interned A, Interned B) { return A.Entry == B.Entry; }
  friend bool operator!=(Interned A, Interned B) { return A.Entry != B.Entry; }
  /// An identity for hashing; not an order.
  const void *id() const { return Entry; }

private:
  const llvm::StringMapEntry<std::nullopt_t> *Entry = nullptr;
};

/// The new texts of a port's edits, in order. Most ports make one edit: one
/// text fits inside, without a heap block per pending port.
using EditTexts = llvm::SmallVector<Interned, 1>;

/// One replacement of a finding: Length bytes at Offset in File become Text
/// (a tooling::Replacement without its own copies of the path and text).
struct Edit {
  Interned File;
  unsigned Offset = 0, Length = 0;
  Interned Text;

  clang::tooling::Replacement replacement() const {
    return clang::tooling::Replacement(File, Offset, Length, Text);
  }
  friend bool operator==(const Edit &A, const Edit &B) {
    return A.File == B.File && A.Offset == B.Offset && A.Length == B.Length &&
           A.Text == B.Text;
  }
};

struct Finding {
  enum class Kind : unsigned char {
    Rewrite, ///< sctpify ports it (Edits holds the edits)
    Review,  ///< a rewrite rule applies but sctpify cannot make the edit
    Flag,    ///< behaviour with no ported form sctpify can write
  };
  using Level = clang::tooling::Diagnostic::Level;

  Interned Rule;    ///< the rule's id (tooling::Diagnostic::DiagnosticName)
  Interned File;    ///< absolute, normalised path
  Interned Message; ///< what is said at the place
  Interned Note;    ///< the ported form, or a suggestion; may be empty
  unsigned Offset = 0;           ///< in File, in bytes
  unsigned Line = 0, Column = 0; ///< 1-based; Column counts bytes, as clang's
  Level DiagLevel = clang::tooling::Diagnostic::Warning;
  Kind What = Kind::Flag;
  bool Suppressed = false; ///< by a NOSCTPIFY comment
  /// Grouped by file, the files in the order they were first edited, each
  /// file's edits in the order (and merged as) tooling::Replacements keeps
  /// them: addEdit goes through that class, so overlapping and adjacent
  /// edits are refused or joined exactly as clang's tools do.
  std::vector<Edit> Edits;
  /// What the edits need declared before them in their file: headers for
  /// names not yet visible at the first port, and helpers they call. The
  /// merge step plans one insertion per file from the findings that remain.
  std::vector<Interned> NeedsHeaders, NeedsHelpers;

  llvm::StringRef ruleId() const { return Rule; }
  /// "error", "warning" or "note" (a remark in clang's terms).
  llvm::StringRef severity() const {
    return DiagLevel == clang::tooling::Diagnostic::Error     ? "error"
           : DiagLevel == clang::tooling::Diagnostic::Warning ? "warning"
                                                              : "note";
  }
  llvm::StringRef filePath() const { return File; }
  unsigned offset() const { return Offset; }
  llvm::StringRef text() const { return Message; }
  llvm::StringRef note() const { return Note; }
  bool rewrites() const { return What == Kind::Rewrite; }

  /// Every replacement of the finding, in any file, in Edits' order.
  std::vector<clang::tooling::Replacement> fixes() const;
  /// Adds R as tooling::Replacements::add would to the edits of R's file;
  /// its error when that refuses R (the finding is then unchanged).
  llvm::Error addEdit(const clang::tooling::Replacement &R);
  /// Whether the finding edits File.
  bool edits(llvm::StringRef File) const;
  /// Makes Replacements the finding's edits in File (none: drops them).
  void setEdits(llvm::StringRef File,
                const clang::tooling::Replacements &Replacements);
  /// The finding as clang's tools exchange it (the fixes a StringMap from
  /// file to Replacements, the note a note without a place).
  clang::tooling::Diagnostic toDiagnostic() const;

  /// Same place, rule and words: one finding, maybe seen from several TUs.
  friend bool sameFinding(const Finding &A, const Finding &B) {
    return A.File == B.File && A.Offset == B.Offset && A.Rule == B.Rule &&
           A.Message == B.Message;
  }
  friend bool operator<(const Finding &A, const Finding &B) {
    return std::make_tuple(A.filePath(), A.Offset, A.ruleId(), A.text()) <
           std::make_tuple(B.filePath(), B.Offset, B.ruleId(), B.text());
  }
};

} // namespace sctpify

#endif
