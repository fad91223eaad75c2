//===- Matcher.h - Binding calls to patterns, deciding conditions -*- C++ -*-===//
#ifndef SCTPIFY_ENGINE_MATCHER_H
#define SCTPIFY_ENGINE_MATCHER_H

#include "engine/DescriptorOrigin.h"
#include "engine/RuleTable.h"
#include "engine/Values.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>
#include <vector>

namespace sctpify {

/// A call bound to one of a rule's patterns: each metavariable names the
/// argument at its position.
struct Binding {
  const Rule *R = nullptr;
  size_t Pattern = 0;
  const clang::CallExpr *Call = nullptr;
  std::vector<std::pair<std::string, const clang::Expr *>> Args;

  const clang::Expr *arg(llvm::StringRef Metavariable) const;
  const CallPattern &pattern() const { return *R->Patterns[Pattern].Call; }
};

/// The three-valued outcome of a rule at one call.
struct Verdict {
  enum Kind { Matches, DoesNotMatch, Unknown } K = Matches;
  /// Metavariables whose value is only known at run time and that decide the
  /// outcome, in argument order.
  std::vector<std::string> UnknownArgs;
  /// For a rule with `descriptor:`, what the descriptor may hold.
  Origin Descriptor = Origin::Converted;
};

class Matcher {
public:
  Matcher(const RuleTable &Rules, const ValueReader &Values);

  /// Only the C library's function matches a call pattern: a global,
  /// C-linkage declaration with no body in this TU. A method, a namespaced
  /// or a static function that happens to share the name is something else.
  static bool isCLibraryFunction(const clang::FunctionDecl *F);

  const std::vector<const Rule *> &rulesCalling(llvm::StringRef Callee) const;
  const std::vector<const Rule *> &rulesForType(llvm::StringRef Name) const;
  const std::vector<const Rule *> &rulesForMember(llvm::StringRef Name) const;

  /// Binds Call to P when its callee's name and arity fit (the binding has
  /// no rule).
  static std::optional<Binding> bindPattern(const CallPattern &P,
                                            const clang::CallExpr *Call);

  /// The first of R's patterns that fits the call's callee and arity.
  std::optional<Binding> bind(const Rule &R, const clang::CallExpr *Call) const;

  /// R's conditions (the pattern's constants and `where:`) at B; the
  /// descriptor is left to the caller.
  Verdict evaluate(const Binding &B) const;
  /// The same, with each metavariable's argument replaced by what Substitute
  /// returns for it (a caller's argument for a wrapper's parameter).
  Verdict evaluate(const Binding &B,
                   llvm::function_ref<const clang::Expr *(llvm::StringRef,
                                                          const clang::Expr *)>
                       Substitute) const;

  /// Whether a comparison's other operand satisfies the pattern's value.
  bool comparesTo(const Rule &R, const clang::Expr *Other) const;

  /// What a call yields as a descriptor, from the `yields-descriptor` rules:
  /// converted where they rewrite it or it is already in their ported form,
  /// not converted where they do not apply, mixed where their at-run-time
  /// form decides or they yield `mixed`; from `never-converted`; nothing
  /// for other calls.
  std::optional<Origin> classifySource(const clang::CallExpr *Call) const;

  /// The argument whose descriptor a C library call returns, from the
  /// table's `descriptor-sources: same-as-argument`; nullptr for others.
  const clang::Expr *sameDescriptorAs(const clang::CallExpr *Call) const;

private:
  Value valueOf(const clang::Expr *E) const;

  const RuleTable &Rules;
  const ValueReader &Values;
  llvm::StringMap<std::vector<const Rule *>> ByCallee, ByType, ByMember;
  struct PortedForm {
    const Rule *R;
    ParsedPattern Pattern;
    std::vector<const Condition *> Where; ///< those still about bound names
  };
  std::vector<PortedForm> PortedForms;
  llvm::StringMap<const Rule *> RunTimeCallees;
  std::vector<const Rule *> NoRules;
};

} // namespace sctpify

#endif
