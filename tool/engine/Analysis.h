//===- Analysis.h - Applies the rule table to one TU ------------*- C++ -*-===//
#ifndef SCTPIFY_ENGINE_ANALYSIS_H
#define SCTPIFY_ENGINE_ANALYSIS_H

#include "engine/RuleTable.h"
#include "engine/TUResult.h"
#include "clang/Frontend/FrontendAction.h"
#include "llvm/Support/GlobPattern.h"
#include <functional>
#include <memory>

namespace sctpify {

/// Decides which files of a TU sctpify may report on and edit.
using FileScope = std::function<bool(llvm::StringRef AbsolutePath)>;

/// A frontend action that parses a TU, applies every rule and fills Out.
/// The AST and preprocessor are gone when it returns; findings carry file
/// paths and offsets only. \p KeepLast: includes that stay after the ones
/// sctpify adds (see IncludeRecorder); may be null.
std::unique_ptr<clang::FrontendAction>
createFindingsAction(const RuleTable &Rules, FileScope InScope, TUResult &Out,
                     const std::vector<llvm::GlobPattern> *KeepLast = nullptr);

} // namespace sctpify

#endif
