//===- Sarif.h - Findings as SARIF 2.1.0 for code scanning ------*- C++ -*-===//
#ifndef SCTPIFY_OUTPUT_SARIF_H
#define SCTPIFY_OUTPUT_SARIF_H

#include "engine/Finding.h"
#include "engine/Merge.h"
#include "engine/RuleTable.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace sctpify {

/// A SARIF 2.1.0 log (one run) as code-scanning services read it:
/// - artifact URIs relative to `%SRCROOT%` (the project root, declared in
///   `originalUriBaseIds`), absolute `file://` URIs only for files outside;
/// - `columnKind: unicodeCodePoints`: columns and fix offsets count
///   characters, not bytes (sctpify's text and JSON keep clang's byte
///   columns);
/// - `partialFingerprints` that survive edits elsewhere in the file: the
///   rule, the file and the text of the finding's line (and how many times
///   that text occurred before it);
/// - suppressed findings kept, with `suppressions` (kind `inSource`);
/// - every error of the run as a `toolExecutionNotification`, and
///   `executionSuccessful` false when there was one.
void writeSARIFReport(const std::vector<Finding> &Findings,
                      const RuleTable &Rules, const Summary &S,
                      llvm::raw_ostream &OS);

} // namespace sctpify

#endif
