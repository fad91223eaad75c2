//===- Report.h - Findings as sctpify's JSON ---------------*- C++ -*-===//
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

} // namespace sctpify

#endif
