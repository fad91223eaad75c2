//===- Values.cpp ---------------------------------------------------------===//
#include "engine/Values.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace sctpify {

/// A variable whose value at E is the one its initialiser gave: const
/// (fixed for the whole program), or a local the function never changes.
/// Not volatile, initialised where it is declared.
const Expr *ValueReader::fixedInitializer(const Expr *E) const {
  if (const VarDecl *Local = Locals.unchangedLocal(E))
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

std::optional<int64_t> ValueReader::integerValue(const Expr *E) const {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Ctx) && Result.Val.isInt())
    return Result.Val.getInt().getExtValue();

  // Clang's evaluator does not read C const variables; fold the operators a
  // socket argument is written with over them ourselves.
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return integerValue(Cast->getSubExpr());
  if (const Expr *Init = fixedInitializer(E))
    return integerValue(Init);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    auto Operand = integerValue(Unary->getSubExpr());
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
    auto L = integerValue(Binary->getLHS());
    auto R = integerValue(Binary->getRHS());
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
    auto Test = integerValue(Cond->getCond());
    if (!Test)
      return std::nullopt;
    return integerValue(*Test ? Cond->getTrueExpr() : Cond->getFalseExpr());
  }
  return std::nullopt;
}

std::optional<std::string> ValueReader::stringValue(const Expr *E) const {
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
