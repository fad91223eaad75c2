//===- RuleMatcher.h - Applies the rule table to one TU ---------*- C++ -*-===//
#ifndef SCTPIFY_ENGINE_RULEMATCHER_H
#define SCTPIFY_ENGINE_RULEMATCHER_H

#include "engine/Finding.h"
#include "engine/RuleTable.h"
#include "clang/Frontend/FrontendAction.h"
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sctpify {

/// Decides which files of a TU sctpify may report on and edit.
using FileScope = std::function<bool(llvm::StringRef AbsolutePath)>;

/// What one translation unit produced.
/// One expansion of a macro whose body spells a call a rewrite rule looks
/// at. Whether the definition may be rewritten depends on every expansion,
/// in every TU, so the decision is made when all TUs are in.
struct MacroUse {
  std::string Key;           ///< rule id + where the macro is defined
  bool Applies = false;      ///< the rule matches, or may, at this expansion
  bool Qualifies = false;    ///< it matches and the edit is in the body
  std::optional<Finding> DefinitionRewrite; ///< the edit of the definition
  std::optional<Finding> Review;            ///< what to say otherwise
};

struct TUFindings {
  std::string MainFile;
  bool Failed = false; ///< Clang reported errors; nothing from it is trusted
  std::vector<Finding> Findings;
  std::vector<MacroUse> MacroUses;
};

/// Decides every macro from all its expansions: rewrite the definition once
/// when each expansion qualifies, else review each expansion that applies.
void settleMacroUses(const std::vector<MacroUse> &Uses,
                     std::vector<Finding> &Findings);

/// A frontend action that parses a TU, matches every rule and appends what it
/// finds to Out. The AST and preprocessor are gone when it returns; findings
/// carry file paths and offsets only.
std::unique_ptr<clang::FrontendAction>
createFindingsAction(const RuleTable &Rules, FileScope InScope,
                     TUFindings &Out);

} // namespace sctpify

#endif
