//===- DescriptorOrigin.h - Where a descriptor's value comes from -*- C++ -*-===//
//
// A rule with `descriptor: $fd` applies only where $fd may hold what a
// `yields-descriptor` rule converts. This follows the value back through
// the function's locals (every assignment, every call that may fill it),
// through other locals, and into the program's own functions by what they
// return, to the calls that produced it. Which calls produce what is the
// rule table's business (the Classifier); this unit only follows values.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_DESCRIPTORORIGIN_H
#define SCTPIFY_ENGINE_DESCRIPTORORIGIN_H

#include "engine/LocalFacts.h"
#include "engine/Values.h"
#include "engine/CallSites.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include <functional>
#include <optional>

namespace sctpify {

/// What a descriptor can hold, over every path that reaches a use.
enum class Origin {
  Unknown,      ///< some value comes from where the analysis cannot see
  Converted,    ///< every source is one a rule converts
  NotConverted, ///< every source stays what it is (a pipe, a file, ...)
  Mixed,        ///< some sources are converted and some are not
};

class DescriptorOrigins {
public:
  /// What a call yields, if the rules know it (converted, not, or decided
  /// at run time); nothing for calls they say nothing about.
  using Classifier = std::function<std::optional<Origin>(const clang::CallExpr *)>;
  /// For a call whose descriptor is the one an argument holds, that
  /// argument (`accept(listener, ...)`); nullptr otherwise.
  using Forwarder = std::function<const clang::Expr *(const clang::CallExpr *)>;

  /// With Callers, a parameter the function never changes holds what its
  /// callers pass (below); without, it is unknown.
  DescriptorOrigins(const clang::SourceManager &SM, LocalFacts &Locals,
                    const ValueReader &Values, Classifier Classify,
                    Forwarder SameAs = nullptr, CallSites *Callers = nullptr)
      : SM(SM), Locals(Locals), Values(Values), Classify(std::move(Classify)),
        SameAs(std::move(SameAs)), Callers(Callers) {}

  /// The origin of the descriptor expression Fd. Linear overall: each
  /// variable, call and function is classified once per TU; a cycle
  /// (recursion, `a = b; b = a;`) counts as unknown.
  Origin of(const clang::Expr *Fd);

private:
  Origin variable(const clang::VarDecl *Var, bool Element);
  Origin call(const clang::CallExpr *Call, bool ByReturn);
  Origin returned(const clang::FunctionDecl *F);
  /// What the callers in this TU pass: converted only where every call is
  /// seen (a static function whose address is not taken) and all pass a
  /// converted descriptor; mixed where some caller passes one and others
  /// may not, so the port decides at run time.
  Origin parameter(const clang::ParmVarDecl *Parm);

  const clang::SourceManager &SM;
  LocalFacts &Locals;
  const ValueReader &Values;
  Classifier Classify;
  Forwarder SameAs;
  CallSites *Callers;
  // std::nullopt while being computed: a cycle.
  llvm::DenseMap<std::pair<const clang::VarDecl *, unsigned>, std::optional<Origin>>
      Variables;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<Origin>> Functions;
};

} // namespace sctpify

#endif
