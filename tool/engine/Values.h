//===- Values.h - What an argument is worth at compile time -----*- C++ -*-===//
//
// Rules compare values, never spellings: `AF_INET`, `PF_INET`, `2`, an
// enumerator, a constexpr or a C `const int` initialised with any of those are
// all the same family. This is the single place that decides what the compiler
// knows about an expression's value.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_VALUES_H
#define SCTPIFY_ENGINE_VALUES_H

#include "engine/LocalFacts.h"
#include "clang/AST/Expr.h"
#include <cstdint>
#include <optional>
#include <string>

namespace sctpify {

class ValueReader {
public:
  ValueReader(const clang::ASTContext &Ctx, LocalFacts &Locals)
      : Ctx(Ctx), Locals(Locals) {}

  /// The integer value of E, if the compiler can compute it without running
  /// the program. Beyond Clang's own constant evaluator this also reads C
  /// `const` variables with constant initialisers, which C does not treat as
  /// constant expressions but which cannot change at run time, and locals
  /// their function never changes after the initialiser
  /// (`int level = IPPROTO_TCP;`).
  std::optional<int64_t> integerValue(const clang::Expr *E) const;

  /// The contents of E if it is a string literal, possibly through a `const`
  /// pointer or array variable, or an unchanged local, initialised with one.
  std::optional<std::string> stringValue(const clang::Expr *E) const;

private:
  const clang::Expr *fixedInitializer(const clang::Expr *E) const;

  const clang::ASTContext &Ctx;
  LocalFacts &Locals;
};

} // namespace sctpify

#endif
