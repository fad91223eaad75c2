//===- RuleMatcher.h - Applies the rule table to one TU ---------*- C++ -*-===//
#ifndef SCTPIFY_ENGINE_RULEMATCHER_H
#define SCTPIFY_ENGINE_RULEMATCHER_H

#include "engine/Finding.h"
#include "engine/RuleTable.h"
#include "clang/Frontend/FrontendAction.h"
#include <functional>
#include <memory>
#include <vector>

namespace sctpify {

/// Decides which files of a TU sctpify may report on and edit.
using FileScope = std::function<bool(llvm::StringRef AbsolutePath)>;

/// What one translation unit produced.
struct TUFindings {
  std::string MainFile;
  bool Failed = false; ///< Clang reported errors; nothing from it is trusted
  std::vector<Finding> Findings;
};

/// A frontend action that parses a TU, matches every rule and appends what it
/// finds to Out. The AST and preprocessor are gone when it returns; findings
/// carry file paths and offsets only.
std::unique_ptr<clang::FrontendAction>
createFindingsAction(const RuleTable &Rules, FileScope InScope,
                     TUFindings &Out);

} // namespace sctpify

#endif
