//===- Suppression.h - NOSCTPIFY comments -----------------------*- C++ -*-===//
//
// Like clang-tidy's NOLINT: `// NOSCTPIFY` silences every finding on its line,
// `// NOSCTPIFY(sctp-oob-*,sctp-option-cork)` only the listed rules (globs),
// and `// NOSCTPIFYNEXTLINE[(...)]` does the same for the following line.
// `// NOSCTPIFYBEGIN[(...)]` ... `// NOSCTPIFYEND[(...)]` does it for every
// line between, as NOLINTBEGIN/NOLINTEND do: an END closes the latest open
// BEGIN with the same list, and a marker without its partner silences
// nothing and is reported (clang-tidy's "unmatched 'NOLINTBEGIN'" error).
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_SUPPRESSION_H
#define SCTPIFY_ENGINE_SUPPRESSION_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace sctpify {

/// The NOSCTPIFYBEGIN/NOSCTPIFYEND blocks of one file, found in one pass
/// over its text so that a finding costs a lookup, not a scan of the file.
class SuppressionBlocks {
public:
  explicit SuppressionBlocks(llvm::StringRef Text);
  /// Whether a closed block around Offset (bytes) silences RuleId.
  bool covers(unsigned Offset, llvm::StringRef RuleId) const;

  /// A BEGIN never closed or an END with no open BEGIN, at Offset (bytes).
  struct Unmatched {
    unsigned Offset;
    std::string Message; ///< clang-tidy's wording, with our marker names
  };
  const std::vector<Unmatched> &unmatched() const { return Stray; }

private:
  struct Block {
    unsigned Begin, End;
    std::string List; ///< the glob list; empty silences every rule
    bool All;
  };
  std::vector<Block> Blocks;
  std::vector<Unmatched> Stray;
};

/// Whether a finding of RuleId at Offset in a file holding Text is silenced
/// by a NOSCTPIFY or NOSCTPIFYNEXTLINE comment, or by one of \p Blocks.
bool isSuppressed(llvm::StringRef Text, unsigned Offset, llvm::StringRef RuleId,
                  const SuppressionBlocks *Blocks = nullptr);

} // namespace sctpify

#endif
