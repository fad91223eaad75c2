//===- Reporter.h - Findings printed the way Clang prints diagnostics -*- C++ -*-===//
#ifndef SCTPIFY_OUTPUT_REPORTER_H
#define SCTPIFY_OUTPUT_REPORTER_H

#include "engine/Finding.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace sctpify {

/// Prints `file:line:col: warning: message [rule-id]`, the source line with a
/// caret and fix-it text, and a `note:` with the SCTP form, through Clang's
/// own TextDiagnosticPrinter (as clang-tidy does). Suppressed findings are
/// not printed. A finding for which Applied says yes (-i, a rewrite whose
/// file is written) ends with clang-tidy's `note: FIX-IT applied suggested
/// code changes`, so that it does not read as still to do.
void printFindings(const std::vector<Finding> &Findings, llvm::raw_ostream &OS,
                   bool Color,
                   llvm::function_ref<bool(const Finding &)> Applied = nullptr);

} // namespace sctpify

#endif
