//===- CallContext.cpp ----------------------------------------------------===//
#include "engine/CallContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace sctpify {
namespace {

/// The body of the function, lambda or block that holds S.
const Stmt *enclosingBody(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    if (const auto *F = Parents[0].get<FunctionDecl>())
      return F->getBody();
    if (const auto *L = Parents[0].get<LambdaExpr>())
      return L->getBody();
    if (const auto *B = Parents[0].get<BlockExpr>())
      return B->getBody();
    Parents = Ctx.getParents(Parents[0]);
  }
  return nullptr;
}

/// The local an argument names, through casts (`(void *)buf`). A parameter
/// is not one: a pointer parameter is the caller's buffer, whose contents the
/// caller may use after the call.
const VarDecl *localNamed(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) ? Var : nullptr;
}

} // namespace

bool followedByDiscarding(const Binding &B,
                          const std::vector<ParsedPattern> &Patterns,
                          ASTContext &Ctx, LocalFacts &Locals) {
  const Stmt *Body = enclosingBody(B.Call, Ctx);
  if (!Body)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  struct Later : RecursiveASTVisitor<Later> {
    std::vector<const CallExpr *> Calls;
    bool VisitCallExpr(CallExpr *C) {
      Calls.push_back(C);
      return true;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  } Finder;
  Finder.TraverseStmt(const_cast<Stmt *>(Body));

  llvm::DenseMap<const VarDecl *, unsigned> DiscardedUses;
  unsigned Reads = 0;
  for (const CallExpr *C : Finder.Calls) {
    if (!SM.isBeforeInTranslationUnit(B.Call->getEndLoc(), C->getBeginLoc()))
      continue;
    for (const ParsedPattern &P : Patterns) {
      std::optional<Binding> Read = P.Call ? Matcher::bindPattern(*P.Call, C)
                                           : std::nullopt;
      if (!Read)
        continue;
      bool Same = true;
      std::vector<const VarDecl *> Buffers;
      for (const auto &[Name, Arg] : Read->Args) {
        if (const Expr *Mine = B.arg(Name)) {
          // Clang's own test for "the same variable or member", which
          // compares through the implicit lvalue-to-rvalue casts.
          Same &= Expr::isSameComparisonOperand(Mine, Arg);
        } else if (const VarDecl *Buffer = localNamed(Arg)) {
          Buffers.push_back(Buffer);
        } else {
          Same = false; // data read into something we cannot follow
        }
      }
      if (!Same)
        continue;
      ++Reads;
      for (const VarDecl *Buffer : Buffers)
        ++DiscardedUses[Buffer];
      break;
    }
  }
  if (Reads == 0)
    return false;
  // Nothing else in the function reads what the drain filled.
  for (const auto &[Buffer, Uses] : DiscardedUses)
    if (Locals.valueUses(Buffer) != Uses)
      return false;
  return true;
}

} // namespace sctpify
