//===- DescriptorOrigin.cpp -----------------------------------------------===//
#include "engine/DescriptorOrigin.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace sctpify {
namespace {

/// What a set of sources adds up to.
struct OriginSet {
  bool Converted = false, NotConverted = false, Unknown = false;
  void add(Origin O) {
    switch (O) {
    case Origin::Converted: Converted = true; break;
    case Origin::NotConverted: NotConverted = true; break;
    case Origin::Mixed: Converted = NotConverted = true; break;
    case Origin::Unknown: Unknown = true; break;
    }
  }
  Origin result() const {
    if (Converted && NotConverted)
      return Origin::Mixed;
    if (Unknown || (!Converted && !NotConverted))
      return Origin::Unknown;
    return Converted ? Origin::Converted : Origin::NotConverted;
  }
};

/// `-1` (or any negative constant) stands for "no descriptor yet".
bool isNoDescriptor(const Expr *E, const ValueReader &Values) {
  std::optional<int64_t> V = Values.integerValue(E);
  return V && *V < 0;
}

} // namespace

Origin DescriptorOrigins::of(const Expr *Fd) {
  if (!Fd)
    return Origin::Unknown;
  Fd = Fd->IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<CallExpr>(Fd))
    return call(C, /*ByReturn=*/true);
  // `c ? a : b` holds what either branch holds (`fd < 0 ? -1 : fd`).
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(Fd)) {
    OriginSet Origins;
    for (const Expr *Branch : {Cond->getTrueExpr(), Cond->getFalseExpr()})
      if (!isNoDescriptor(Branch, Values))
        Origins.add(of(Branch));
    return Origins.result();
  }
  const Expr *Base = Fd;
  bool Element = false;
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(Fd)) {
    Base = Sub->getBase()->IgnoreParenImpCasts();
    Element = true;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Base);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (const auto *Parm = dyn_cast_or_null<ParmVarDecl>(Var))
    return Element ? Origin::Unknown : parameter(Parm);
  if (!Var || !Var->isLocalVarDecl())
    return Origin::Unknown;
  return variable(Var, Element);
}

Origin DescriptorOrigins::parameter(const ParmVarDecl *Parm) {
  const auto *F = dyn_cast<FunctionDecl>(Parm->getDeclContext());
  if (!Callers || !F || !Locals.isUnchangedParameter(Parm))
    return Origin::Unknown;
  auto Key = std::make_pair(static_cast<const VarDecl *>(Parm), 0u);
  auto [It, Inserted] = Variables.try_emplace(Key, std::nullopt);
  if (!Inserted)
    return It->second.value_or(Origin::Unknown);
  OriginSet Origins;
  unsigned Index = Parm->getFunctionScopeIndex();
  for (const CallExpr *Call : Callers->to(F))
    if (Index < Call->getNumArgs())
      Origins.add(of(Call->getArg(Index)));
  Origin Result = Origins.result();
  if (!Callers->allCallsSeen(F) || Result == Origin::Unknown)
    Result = Origins.Converted ? Origin::Mixed : Origin::Unknown;
  Variables[Key] = Result;
  return Result;
}

Origin DescriptorOrigins::variable(const VarDecl *Var, bool Element) {
  auto Key = std::make_pair(Var, unsigned(Element));
  auto [It, Inserted] = Variables.try_emplace(Key, std::nullopt);
  if (!Inserted)
    return It->second.value_or(Origin::Unknown);
  OriginSet Origins;
  const LocalFacts::Writes &W = Locals.writes(Var, Element);
  for (const Expr *Value : W.Values) {
    if (!Value)
      Origins.add(Origin::Unknown);
    else if (!isNoDescriptor(Value, Values))
      Origins.add(of(Value));
  }
  for (const CallExpr *Filler : W.FilledBy)
    Origins.add(call(Filler, /*ByReturn=*/false));
  Origin Result = Origins.result();
  Variables[Key] = Result;
  return Result;
}

Origin DescriptorOrigins::call(const CallExpr *C, bool ByReturn) {
  if (std::optional<Origin> Known = Classify(C))
    return *Known;
  if (SameAs)
    if (const Expr *Argument = SameAs(C))
      return of(Argument);
  // A descriptor handed back by a function of the program: what it returns.
  // One that fills an argument instead could put anything there.
  const FunctionDecl *Callee = C->getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (ByReturn && Callee && Callee->hasBody(Definition) &&
      !SM.isInSystemHeader(SM.getExpansionLoc(Definition->getLocation())))
    return returned(Definition);
  return Origin::Unknown;
}

Origin DescriptorOrigins::returned(const FunctionDecl *F) {
  auto [It, Inserted] = Functions.try_emplace(F, std::nullopt);
  if (!Inserted)
    return It->second.value_or(Origin::Unknown);
  struct ReturnFinder : RecursiveASTVisitor<ReturnFinder> {
    std::vector<const Expr *> Values;
    bool Opaque = false;
    bool VisitReturnStmt(ReturnStmt *Return) {
      if (!Return->getRetValue())
        Opaque = true;
      else
        Values.push_back(Return->getRetValue());
      return true;
    }
    // Returns inside these belong to other functions.
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool TraverseBlockExpr(BlockExpr *) { return true; }
  } Finder;
  Finder.TraverseStmt(F->getBody());
  OriginSet Origins;
  if (Finder.Opaque || Finder.Values.empty())
    Origins.add(Origin::Unknown);
  for (const Expr *Value : Finder.Values)
    // `return -1;` reports a failure; it is no descriptor.
    if (!isNoDescriptor(Value, Values))
      Origins.add(of(Value));
  Origin Result = Origins.result();
  Functions[F] = Result;
  return Result;
}

} // namespace sctpify
