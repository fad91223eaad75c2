//===- Report.h - Findings as JSON or SARIF 2.1.0 ---------------*- C++ -*-===//
#ifndef SCTPIFY_OUTPUT_REPORT_H
#define SCTPIFY_OUTPUT_REPORT_H

#include "engine/Finding.h"
#include "engine/Merge.h"
#include "engine/RuleTable.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace sctpify {

/// sctpify's own JSON: every finding with its kind, location and fixes, and
/// the summary.
void writeJSONReport(const std::vector<Finding> &Findings, const Summary &S,
                     llvm::raw_ostream &OS);

/// A SARIF 2.1.0 log (one run), readable by code-scanning UIs: the rules
/// that fired as reportingDescriptors, each finding as a result with its
/// fixes as artifactChanges.
void writeSARIFReport(const std::vector<Finding> &Findings,
                      const RuleTable &Rules, llvm::raw_ostream &OS);

} // namespace sctpify

#endif
