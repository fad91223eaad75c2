//===- Suppression.h - NOSCTPIFY comments -----------------------*- C++ -*-===//
//
// Like clang-tidy's NOLINT: `// NOSCTPIFY` silences every finding on its line,
// `// NOSCTPIFY(sctp-oob-*,sctp-option-cork)` only the listed rules (globs),
// and `// NOSCTPIFYNEXTLINE[(...)]` does the same for the following line.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_SUPPRESSION_H
#define SCTPIFY_ENGINE_SUPPRESSION_H

#include "llvm/ADT/StringRef.h"

namespace sctpify {

/// Whether a finding of RuleId at Offset in a file holding Text is silenced.
bool isSuppressed(llvm::StringRef Text, unsigned Offset, llvm::StringRef RuleId);

} // namespace sctpify

#endif
