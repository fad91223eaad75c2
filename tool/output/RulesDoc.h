//===- RulesDoc.h - docs/rules.md, written from the rule table --*- C++ -*-===//
#ifndef SCTPIFY_OUTPUT_RULESDOC_H
#define SCTPIFY_OUTPUT_RULESDOC_H

#include "engine/RuleTable.h"
#include "llvm/Support/raw_ostream.h"

namespace sctpify {

/// Prints the rule reference in Markdown. docs/rules.md is this output; a
/// test fails when the two differ, so the reference cannot drift.
void printRulesReference(const RuleTable &Rules, llvm::raw_ostream &OS);

} // namespace sctpify

#endif
