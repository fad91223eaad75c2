//===- CallSites.cpp ------------------------------------------------------===//
#include "engine/CallSites.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace sctpify {

void CallSites::build() {
  Built = true;
  struct Walker : RecursiveASTVisitor<Walker> {
    decltype(Calls) &Out;
    decltype(References) &Refs;
    Walker(decltype(Calls) &Out, decltype(References) &Refs)
        : Out(Out), Refs(Refs) {}
    bool VisitCallExpr(CallExpr *C) {
      if (const FunctionDecl *Callee = C->getDirectCallee())
        Out[Callee->getCanonicalDecl()].push_back(C);
      return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
        ++Refs[F->getCanonicalDecl()];
      return true;
    }
  } W(Calls, References);
  W.TraverseDecl(Ctx.getTranslationUnitDecl());
}

const std::vector<const CallExpr *> &CallSites::to(const FunctionDecl *F) {
  if (!Built)
    build();
  return Calls[F->getCanonicalDecl()];
}

bool CallSites::allCallsSeen(const FunctionDecl *F) {
  if (!Built)
    build();
  // Each direct call refers to its callee once; any other reference lets
  // the function be called from where this TU cannot see.
  const FunctionDecl *Canonical = F->getCanonicalDecl();
  return !F->isExternallyVisible() &&
         References.lookup(Canonical) == Calls.lookup(Canonical).size();
}

} // namespace sctpify
