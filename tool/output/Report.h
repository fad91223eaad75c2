//===- Report.h - Findings as JSON or SARIF 2.1.0 ---------------*- C++ -*-===//
#ifndef SCTPIFY_OUTPUT_REPORT_H
#define SCTPIFY_OUTPUT_REPORT_H

#include "engine/Finding.h"
#include "engine/RuleTable.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace sctpify {

/// The counts a run ends with, shared by the text summary and the reports.
struct Summary {
  unsigned TranslationUnits = 0, Skipped = 0, Failed = 0;
  unsigned Rewrites = 0, Reviews = 0, Flags = 0, Suppressed = 0;
  unsigned FilesChanged = 0;
  std::map<std::string, unsigned> ByRule; ///< unsuppressed findings per rule
  std::vector<std::string> Files; ///< the translation units of the run

  static Summary of(const std::vector<Finding> &Findings);
};

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
