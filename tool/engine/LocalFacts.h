//===- LocalFacts.h - What a function does with its locals ------*- C++ -*-===//
//
// Several analyses ask about a local variable: is it ever changed after its
// initialiser, how often is it read, what is ever stored into it. Answering
// each question by walking the function again makes the cost grow with
// calls × function size; here each function body is walked once, on first
// demand, and every answer is cached for the rest of the TU.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_LOCALFACTS_H
#define SCTPIFY_ENGINE_LOCALFACTS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace clang {
class ExprMutationAnalyzer;
}

namespace sctpify {

class LocalFacts {
public:
  /// Everything that can put a value into a local (or into an element of a
  /// local array): an assigned expression, nullptr for a change whose value
  /// is not one expression (`+=`, `++`), or a call handed the variable by
  /// address or the array itself, which may fill it.
  struct Writes {
    std::vector<const clang::Expr *> Values;
    std::vector<const clang::CallExpr *> FilledBy;
  };

  LocalFacts();
  ~LocalFacts();

  /// The local E names, if it is not const but its function never changes
  /// it after the initialiser (no assignment, ++, or non-const pointer or
  /// reference to it: Clang's ExprMutationAnalyzer), so its value is the
  /// initialiser's.
  const clang::VarDecl *unchangedLocal(const clang::Expr *E);

  /// The parameter E names, if it has integer type and its function never
  /// changes it, so its value is what each caller passes.
  const clang::ParmVarDecl *unchangedParameter(const clang::Expr *E);
  bool isUnchangedParameter(const clang::ParmVarDecl *Parm);

  /// How many times the function that declares Var refers to it.
  unsigned references(const clang::VarDecl *Var);

  /// How many of those references are evaluated (not in `sizeof`).
  unsigned valueUses(const clang::VarDecl *Var);

  /// What is ever stored into Var (or, with Element, into its elements).
  const Writes &writes(const clang::VarDecl *Var, bool Element);

private:
  struct Function;
  Function *functionOf(const clang::VarDecl *Var);

  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<Function>> Functions;
  llvm::DenseMap<const clang::VarDecl *, bool> Unchanged;
};

} // namespace sctpify

#endif
