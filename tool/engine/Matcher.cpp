//===- Matcher.cpp --------------------------------------------------------===//
#include "engine/Matcher.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using llvm::StringRef;

namespace sctpify {

const Expr *Binding::arg(StringRef Metavariable) const {
  for (const auto &[Name, E] : Args)
    if (Name == Metavariable)
      return E;
  return nullptr;
}

/// The last component of a qualified name: `tcp` for `asio::ip::tcp`.
static StringRef lastComponent(StringRef Name) {
  size_t Colons = Name.rfind("::");
  return Colons == StringRef::npos ? Name : Name.drop_front(Colons + 2);
}

Matcher::Matcher(const RuleTable &Rules, const ValueReader &Values)
    : Rules(Rules), Values(Values) {
  for (const Rule &R : Rules.rules()) {
    for (const ParsedPattern &P : R.Patterns) {
      if (P.Call) {
        auto &List = ByCallee[lastComponent(P.Call->Callee)];
        if (!llvm::is_contained(List, &R))
          List.push_back(&R);
      }
      if (P.Type)
        ByType[lastComponent(P.Type->Name)].push_back(&R);
      if (P.Comparison)
        ByMember[P.Comparison->Member].push_back(&R);
    }
    if (!R.YieldsDescriptor)
      continue;
    for (const Template &T : R.AtRunTime)
      if (T.call())
        RunTimeCallees[T.call()->Callee] = &R;
    // A port whose descriptor is decided at run time even where the rule
    // applies (`yields-descriptor: mixed`) yields that from every form.
    // (A form that calls the matched function itself is no helper: that
    // function's calls are classified by the rule.)
    if (R.YieldsMixed) {
      for (const Template &T : R.Replace)
        if (T.call() && llvm::none_of(R.Patterns, [&](const ParsedPattern &P) {
              return P.Call && lastComponent(P.Call->Callee) ==
                                   lastComponent(T.call()->Callee);
            }))
          RunTimeCallees[T.call()->Callee] = &R;
      continue;
    }
    // A call already written the way the rule writes it yields what the
    // rule's rewrite yields: `socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)`.
    for (const Template &T : R.Replace) {
      auto Parsed = parsePattern(T.text());
      if (!Parsed) {
        llvm::consumeError(Parsed.takeError());
        continue;
      }
      if (!Parsed->Call)
        continue;
      bool Resolved = true;
      for (Condition &C : Parsed->Implied)
        if (llvm::Error E = C.resolve(Rules.constants())) {
          llvm::consumeError(std::move(E));
          Resolved = false;
        }
      if (!Resolved)
        continue;
      std::set<std::string> Bound(Parsed->Call->Args.begin(),
                                  Parsed->Call->Args.end());
      std::vector<const Condition *> Where;
      for (const Condition &C : R.Where)
        if (llvm::all_of(C.metavariables(),
                         [&](const std::string &N) { return Bound.count(N); }))
          Where.push_back(&C);
      PortedForms.push_back({&R, std::move(*Parsed), std::move(Where)});
    }
  }
}

bool Matcher::isCLibraryFunction(const FunctionDecl *F) {
  if (!F || !F->getIdentifier() || isa<CXXMethodDecl>(F))
    return false;
  if (!F->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return false;
  if (!F->isExternC() || F->getStorageClass() == SC_Static)
    return false;
  // glibc's _FORTIFY_SOURCE wrappers (recv, read, ...) are `extern inline`
  // definitions with gnu_inline: still the C library's function.
  const FunctionDecl *Definition = nullptr;
  return !F->hasBody(Definition) || Definition->hasAttr<GNUInlineAttr>();
}

const std::vector<const Rule *> &Matcher::rulesCalling(StringRef Callee) const {
  auto It = ByCallee.find(Callee);
  return It == ByCallee.end() ? NoRules : It->second;
}
const std::vector<const Rule *> &Matcher::rulesForType(StringRef Name) const {
  auto It = ByType.find(Name);
  return It == ByType.end() ? NoRules : It->second;
}
const std::vector<const Rule *> &Matcher::rulesForMember(StringRef Name) const {
  auto It = ByMember.find(Name);
  return It == ByMember.end() ? NoRules : It->second;
}

std::optional<Binding> Matcher::bindPattern(const CallPattern &P,
                                           const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() ||
      Callee->getName() != lastComponent(P.Callee))
    return std::nullopt;
  size_t N = Call->getNumArgs();
  if (N < P.Args.size() || (!P.Variadic && N != P.Args.size()))
    return std::nullopt;
  Binding B;
  B.Call = Call;
  for (size_t I = 0; I < P.Args.size(); ++I)
    B.Args.emplace_back(P.Args[I], Call->getArg(I));
  return B;
}

std::optional<Binding> Matcher::bind(const Rule &R, const CallExpr *Call) const {
  for (size_t I = 0; I < R.Patterns.size(); ++I) {
    if (!R.Patterns[I].Call)
      continue;
    if (std::optional<Binding> B = bindPattern(*R.Patterns[I].Call, Call)) {
      B->R = &R;
      B->Pattern = I;
      return B;
    }
  }
  return std::nullopt;
}

Value Matcher::valueOf(const Expr *E) const {
  if (std::optional<int64_t> I = Values.integerValue(E))
    return {*I};
  if (std::optional<std::string> S = Values.stringValue(E))
    return {*S};
  return Value::unknown();
}

/// Evaluates every condition; unknown ones record the metavariables whose
/// value is missing.
static Verdict decide(const std::vector<const Condition *> &Conditions,
                      const std::function<Value(StringRef)> &Lookup,
                      const std::vector<std::string> &Order) {
  Verdict V;
  std::set<std::string> Unknown;
  for (const Condition *C : Conditions) {
    Truth T = C->evaluate(Lookup);
    if (T == Truth::False)
      return {Verdict::DoesNotMatch, {}, Origin::Converted};
    if (T == Truth::Unknown) {
      V.K = Verdict::Unknown;
      for (const std::string &Name : C->metavariables())
        if (!Lookup(Name).known())
          Unknown.insert(Name);
    }
  }
  for (const std::string &Name : Order)
    if (Unknown.count(Name))
      V.UnknownArgs.push_back(Name);
  return V;
}

Verdict Matcher::evaluate(const Binding &B) const {
  return evaluate(B, [](StringRef, const Expr *E) { return E; });
}

Verdict Matcher::evaluate(
    const Binding &B,
    llvm::function_ref<const Expr *(StringRef, const Expr *)> Substitute) const {
  std::vector<const Condition *> Conditions;
  for (const Condition &C : B.R->Patterns[B.Pattern].Implied)
    Conditions.push_back(&C);
  for (const Condition &C : B.R->Where)
    Conditions.push_back(&C);
  llvm::StringMap<Value> Cache;
  auto Lookup = [&](StringRef Name) {
    auto [It, Inserted] = Cache.try_emplace(Name);
    if (Inserted)
      if (const Expr *E = B.arg(Name))
        if (const Expr *S = Substitute(Name, E))
          It->second = valueOf(S);
    return It->second;
  };
  return decide(Conditions, Lookup, B.pattern().Args);
}

bool Matcher::comparesTo(const Rule &R, const Expr *Other) const {
  Value V = valueOf(Other);
  auto Lookup = [&](StringRef) { return V; };
  return llvm::any_of(R.Patterns, [&](const ParsedPattern &P) {
    return P.Comparison && llvm::all_of(P.Implied, [&](const Condition &C) {
             return C.evaluate(Lookup) == Truth::True;
           });
  });
}

const Expr *Matcher::sameDescriptorAs(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || !isCLibraryFunction(Callee))
    return nullptr;
  std::optional<unsigned> Index = Rules.sameAsArgument(Callee->getName());
  return Index && *Index < Call->getNumArgs() ? Call->getArg(*Index) : nullptr;
}

std::optional<Origin> Matcher::classifySource(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  StringRef Name = Callee->getName();
  // The helpers a port adds are the program's own static functions.
  if (RunTimeCallees.count(Name))
    return Origin::Mixed;
  if (!isCLibraryFunction(Callee))
    return std::nullopt;
  if (Rules.neverConverted(Name))
    return Origin::NotConverted;
  std::optional<Origin> Result;
  for (const Rule *R : rulesCalling(Name)) {
    if (!R->YieldsDescriptor)
      continue;
    std::optional<Binding> B = bind(*R, Call);
    if (!B)
      continue;
    Verdict V = evaluate(*B);
    if (V.K == Verdict::Matches)
      return R->YieldsMixed ? Origin::Mixed : Origin::Converted;
    if (V.K == Verdict::Unknown)
      return R->runTimeFormFor(B->Pattern) ? Origin::Mixed : Origin::Unknown;
    Result = Origin::NotConverted;
  }
  if (!Result)
    return std::nullopt;
  for (const PortedForm &Form : PortedForms) {
    std::optional<Binding> B = bindPattern(*Form.Pattern.Call, Call);
    if (!B)
      continue;
    B->R = Form.R;
    std::vector<const Condition *> Conditions = Form.Where;
    for (const Condition &C : Form.Pattern.Implied)
      Conditions.push_back(&C);
    auto Lookup = [&](StringRef N) {
      const Expr *E = B->arg(N);
      return E ? valueOf(E) : Value::unknown();
    };
    if (decide(Conditions, Lookup, Form.Pattern.Call->Args).K ==
        Verdict::Matches)
      return Origin::Converted;
  }
  return Result;
}

} // namespace sctpify
