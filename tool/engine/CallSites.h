//===- CallSites.h - The calls to each of the program's functions -*- C++ -*-===//
//
// Following a value into a function of the program (a wrapper's parameter)
// means looking at its callers. One walk of the TU indexes them all, on
// first need; most TUs never ask.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_CALLSITES_H
#define SCTPIFY_ENGINE_CALLSITES_H

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace sctpify {

/// The direct calls to each function of the TU, found in one walk of the
/// TU on first use (most TUs never need it).
class CallSites {
public:
  explicit CallSites(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  /// Calls whose callee is F (any redeclaration), in source order.
  const std::vector<const clang::CallExpr *> &to(const clang::FunctionDecl *F);
  /// Whether every call of F is in this TU and in to(F): F has internal
  /// linkage and is never used but as a callee (no address taken).
  bool allCallsSeen(const clang::FunctionDecl *F);

private:
  void build();
  clang::ASTContext &Ctx;
  bool Built = false;
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> References;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<const clang::CallExpr *>>
      Calls;
};

} // namespace sctpify

#endif
