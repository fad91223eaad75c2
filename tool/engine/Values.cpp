//===- Values.cpp ---------------------------------------------------------===//
#include "engine/Values.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

using namespace clang;

namespace sctpify {

/// The body of the function a local variable belongs to.
static const Stmt *enclosingBody(const VarDecl *Var) {
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  return Function ? Function->getBody() : nullptr;
}

const VarDecl *unchangedLocal(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
      !Var->getInit() || Var->getType().isVolatileQualified() ||
      Var->getType().isConstQualified() ||
      !(Var->getType()->isIntegerType() || Var->getType()->isPointerType()))
    return nullptr;
  const Stmt *Body = enclosingBody(Var);
  if (!Body)
    return nullptr;
  // Assignments, ++, a non-const pointer or reference to it: any of them
  // could change the value the initialiser gave.
  ExprMutationAnalyzer Mutations(*Body, Var->getASTContext());
  return Mutations.isMutated(Var) ? nullptr : Var;
}

unsigned referencesInFunction(const VarDecl *Var) {
  struct Counter : RecursiveASTVisitor<Counter> {
    const VarDecl *Var;
    unsigned Count = 0;
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      Count += Ref->getDecl() == Var;
      return true;
    }
  } Count;
  Count.Var = Var;
  if (const Stmt *Body = enclosingBody(Var))
    Count.TraverseStmt(const_cast<Stmt *>(Body));
  return Count.Count;
}

/// A variable whose value at E is the one its initialiser gave: const
/// (fixed for the whole program), or a local the function never changes.
/// Not volatile, initialised where it is declared.
static const Expr *fixedInitializer(const Expr *E) {
  if (const VarDecl *Local = unchangedLocal(E))
    return Local->getInit();
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!Ref)
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || isa<ParmVarDecl>(Var))
    return nullptr;
  QualType Type = Var->getType();
  if (Type.isVolatileQualified())
    return nullptr;
  // `const char name[] = "tcp"` is fixed; so is `const char *const p = ...`.
  bool Fixed = Type.isConstQualified() ||
               (Type->isArrayType() &&
                Type->getAsArrayTypeUnsafe()->getElementType().isConstQualified());
  if (!Fixed)
    return nullptr;
  const VarDecl *Def = Var->getDefinition();
  const Expr *Init = Def ? Def->getInit() : Var->getInit();
  return Init;
}

std::optional<int64_t> integerValue(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Ctx) && Result.Val.isInt())
    return Result.Val.getInt().getExtValue();

  // Clang's evaluator does not read C const variables; fold the operators a
  // socket argument is written with over them ourselves.
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return integerValue(Cast->getSubExpr(), Ctx);
  if (const Expr *Init = fixedInitializer(E))
    return integerValue(Init, Ctx);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    auto Operand = integerValue(Unary->getSubExpr(), Ctx);
    if (!Operand)
      return std::nullopt;
    switch (Unary->getOpcode()) {
    case UO_Minus: return -*Operand;
    case UO_Not:   return ~*Operand;
    case UO_LNot:  return int64_t(!*Operand);
    case UO_Plus:  return *Operand;
    default:       return std::nullopt;
    }
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    auto L = integerValue(Binary->getLHS(), Ctx);
    auto R = integerValue(Binary->getRHS(), Ctx);
    if (!L || !R)
      return std::nullopt;
    switch (Binary->getOpcode()) {
    case BO_Or:  return *L | *R;
    case BO_And: return *L & *R;
    case BO_Xor: return *L ^ *R;
    case BO_Add: return *L + *R;
    case BO_Sub: return *L - *R;
    case BO_Mul: return *L * *R;
    case BO_Shl: return *R >= 0 && *R < 63 ? std::optional(*L << *R) : std::nullopt;
    case BO_Shr: return *R >= 0 && *R < 63 ? std::optional(*L >> *R) : std::nullopt;
    default:     return std::nullopt;
    }
  }
  if (const auto *Cond = dyn_cast<ConditionalOperator>(E)) {
    auto Test = integerValue(Cond->getCond(), Ctx);
    if (!Test)
      return std::nullopt;
    return integerValue(*Test ? Cond->getTrueExpr() : Cond->getFalseExpr(), Ctx);
  }
  return std::nullopt;
}

std::optional<std::string> stringValue(const Expr *E) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *Literal = dyn_cast<StringLiteral>(E))
    if (Literal->getCharByteWidth() == 1)
      return Literal->getString().str();
  if (const Expr *Init = fixedInitializer(E))
    return stringValue(Init);
  return std::nullopt;
}

} // namespace sctpify
