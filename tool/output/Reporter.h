//===- Reporter.h - Findings printed the way Clang prints diagnostics -*- C++ -*-===//
#ifndef SCTPIFY_OUTPUT_REPORTER_H
#define SCTPIFY_OUTPUT_REPORTER_H

#include "engine/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace sctpify {

/// Prints `file:line:col: warning: message [rule-id]`, the source line with a
/// caret and fix-it text, and a `note:` with the SCTP form, through Clang's
/// own TextDiagnosticPrinter (as clang-tidy does). Suppressed findings are
/// not printed.
void printFindings(const std::vector<Finding> &Findings, llvm::raw_ostream &OS,
                   bool Color);

} // namespace sctpify

#endif
