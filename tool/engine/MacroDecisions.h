//===- MacroDecisions.h - One decision per macro, over every TU -*- C++ -*-===//
//
// A call spelled in a macro's body is one text for all of its expansions.
// Each expansion records whether the rule matches there and whether the edit
// lies in the body (MacroUse). Once every TU is in, the definition is
// rewritten once if every expansion qualifies; otherwise each expansion the
// rule applies to is reported, naming the macro and its definition.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_MACRODECISIONS_H
#define SCTPIFY_ENGINE_MACRODECISIONS_H

#include "engine/TUResult.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include <optional>
#include <string>
#include <vector>

namespace sctpify {

/// The name of the macro whose body spells Call's callee; nothing when the
/// call is written in the file or in a macro *argument* (where it can be
/// edited per use).
std::optional<std::string> macroBodyHoldingCall(const clang::CallExpr *Call,
                                                const clang::SourceManager &SM,
                                                const clang::LangOptions &LO);

/// Appends to Findings the decision for every macro in Uses.
void settleMacroUses(const std::vector<MacroUse> &Uses,
                     std::vector<Finding> &Findings);

} // namespace sctpify

#endif
