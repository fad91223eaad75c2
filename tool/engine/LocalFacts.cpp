//===- LocalFacts.cpp -----------------------------------------------------===//
#include "engine/LocalFacts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

using namespace clang;

namespace sctpify {

/// One walk of a function body, recording per local everything the
/// analyses ask for.
struct LocalFacts::Function {
  llvm::DenseMap<const VarDecl *, unsigned> References, ValueUses;
  llvm::DenseMap<const VarDecl *, Writes> Whole, Elements;
  std::unique_ptr<ExprMutationAnalyzer> Mutations;
};

namespace {

/// The variable an lvalue names, directly or as an array element.
const VarDecl *namedVariable(const Expr *E, bool &Element) {
  E = E->IgnoreParenImpCasts();
  Element = false;
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
    E = Sub->getBase()->IgnoreParenImpCasts();
    Element = true;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

class Walker : public RecursiveASTVisitor<Walker> {
public:
  explicit Walker(LocalFacts::Writes &(*Slot)(void *, const VarDecl *, bool),
                  void *Ctx, llvm::DenseMap<const VarDecl *, unsigned> &Refs,
                  llvm::DenseMap<const VarDecl *, unsigned> &ValueUses)
      : Slot(Slot), Ctx(Ctx), Refs(Refs), ValueUses(ValueUses) {}

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      ++Refs[Var];
      if (Unevaluated == 0)
        ++ValueUses[Var];
    }
    return true;
  }
  // `sizeof buf` names buf without reading it.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    ++Unevaluated;
    bool Result = RecursiveASTVisitor::TraverseUnaryExprOrTypeTraitExpr(E);
    --Unevaluated;
    return Result;
  }
  bool VisitVarDecl(VarDecl *D) {
    if (D->hasInit() && D->isLocalVarDecl())
      Slot(Ctx, D, false).Values.push_back(D->getInit());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (!Op->isAssignmentOp())
      return true;
    bool Element;
    if (const VarDecl *Var = namedVariable(Op->getLHS(), Element))
      Slot(Ctx, Var, Element)
          .Values.push_back(Op->getOpcode() == BO_Assign ? Op->getRHS()
                                                         : nullptr);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    bool Element;
    if (Op->isIncrementDecrementOp())
      if (const VarDecl *Var = namedVariable(Op->getSubExpr(), Element))
        Slot(Ctx, Var, Element).Values.push_back(nullptr);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    // A variable handed over by address, or an array handed over at all,
    // may be filled by the call: pipe(fds) makes fds pipe ends.
    for (const Expr *Arg : Call->arguments()) {
      const Expr *E = Arg->IgnoreParenImpCasts();
      bool ByAddress = false;
      if (const auto *Addr = dyn_cast<UnaryOperator>(E))
        if (Addr->getOpcode() == UO_AddrOf) {
          E = Addr->getSubExpr()->IgnoreParenImpCasts();
          ByAddress = true;
        }
      const auto *Ref = dyn_cast<DeclRefExpr>(E);
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!Var)
        continue;
      bool IsArray = Var->getType()->isArrayType();
      if (IsArray)
        Slot(Ctx, Var, true).FilledBy.push_back(Call);
      if (ByAddress || Arg->getType()->isReferenceType())
        Slot(Ctx, Var, false).FilledBy.push_back(Call);
    }
    return true;
  }

private:
  LocalFacts::Writes &(*Slot)(void *, const VarDecl *, bool);
  void *Ctx;
  llvm::DenseMap<const VarDecl *, unsigned> &Refs, &ValueUses;
  unsigned Unevaluated = 0;
};

const Stmt *bodyOf(const VarDecl *Var) {
  const auto *F =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  return F ? F->getBody() : nullptr;
}

} // namespace

LocalFacts::LocalFacts() = default;
LocalFacts::~LocalFacts() = default;

LocalFacts::Function *LocalFacts::functionOf(const VarDecl *Var) {
  const Stmt *Body = bodyOf(Var);
  if (!Body)
    return nullptr;
  std::unique_ptr<Function> &F = Functions[Body];
  if (F)
    return F.get();
  F = std::make_unique<Function>();
  Function *Facts = F.get();
  auto Slot = [](void *Ctx, const VarDecl *V, bool Element) -> Writes & {
    auto *Fn = static_cast<Function *>(Ctx);
    return Element ? Fn->Elements[V] : Fn->Whole[V];
  };
  Walker(Slot, Facts, Facts->References, Facts->ValueUses)
      .TraverseStmt(const_cast<Stmt *>(Body));
  Facts->Mutations =
      std::make_unique<ExprMutationAnalyzer>(*Body, Var->getASTContext());
  return Facts;
}

const VarDecl *LocalFacts::unchangedLocal(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
      !Var->getInit() || Var->getType().isVolatileQualified() ||
      Var->getType().isConstQualified() ||
      !(Var->getType()->isIntegerType() || Var->getType()->isPointerType()))
    return nullptr;
  auto [It, Inserted] = Unchanged.try_emplace(Var, false);
  if (Inserted)
    if (Function *F = functionOf(Var))
      // ExprMutationAnalyzer memoizes its own answers across variables.
      It->second = !F->Mutations->isMutated(Var);
  return It->second ? Var : nullptr;
}

const ParmVarDecl *LocalFacts::unchangedParameter(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Parm = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  return Parm && isUnchangedParameter(Parm) ? Parm : nullptr;
}

bool LocalFacts::isUnchangedParameter(const ParmVarDecl *Parm) {
  if (Parm->getType().isVolatileQualified() ||
      !Parm->getType()->isIntegerType())
    return false;
  auto [It, Inserted] = Unchanged.try_emplace(Parm, false);
  if (Inserted)
    if (Function *F = functionOf(Parm))
      It->second = !F->Mutations->isMutated(Parm);
  return It->second;
}

unsigned LocalFacts::references(const VarDecl *Var) {
  Function *F = functionOf(Var);
  return F ? F->References.lookup(Var) : 0;
}

unsigned LocalFacts::valueUses(const VarDecl *Var) {
  Function *F = functionOf(Var);
  return F ? F->ValueUses.lookup(Var) : 0;
}

const LocalFacts::Writes &LocalFacts::writes(const VarDecl *Var, bool Element) {
  static const Writes None;
  Function *F = functionOf(Var);
  if (!F)
    return None;
  auto &Map = Element ? F->Elements : F->Whole;
  auto It = Map.find(Var);
  return It == Map.end() ? None : It->second;
}

} // namespace sctpify
