//===- Wrappers.cpp - Following values through the program's functions ----===//
#include "engine/Wrappers.h"

using namespace clang;
using llvm::StringRef;

namespace sctpify {

std::vector<WrapperCall> callersWhereMatches(const Binding &B,
                                             const Verdict &V,
                                             const Matcher &M,
                                             LocalFacts &Locals,
                                             CallSites &Sites) {
  std::vector<std::pair<std::string, unsigned>> Parameters;
  const FunctionDecl *Wrapper = nullptr;
  for (const std::string &Name : V.UnknownArgs) {
    const ParmVarDecl *P = Locals.unchangedParameter(B.arg(Name));
    const auto *F =
        P ? dyn_cast<FunctionDecl>(P->getDeclContext()) : nullptr;
    if (!F || (Wrapper && F != Wrapper))
      return {};
    Wrapper = F;
    Parameters.emplace_back(Name, P->getFunctionScopeIndex());
  }
  if (!Wrapper)
    return {};
  std::vector<WrapperCall> Result;
  for (const CallExpr *Site : Sites.to(Wrapper)) {
    auto CallerArgument = [&](StringRef Name, const Expr *E) -> const Expr * {
      for (const auto &[Parameter, Index] : Parameters)
        if (Parameter == Name)
          return Index < Site->getNumArgs() ? Site->getArg(Index) : nullptr;
      return E;
    };
    if (M.evaluate(B, CallerArgument).K == Verdict::Matches)
      Result.push_back({Site, Wrapper});
  }
  return Result;
}

} // namespace sctpify
