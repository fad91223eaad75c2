//===- TUAnalysis.cpp - From one AST to findings --------------------------===//
#include "engine/TUAnalysis.h"
#include "engine/CallContext.h"
#include "engine/MacroDecisions.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace clang;
using llvm::StringRef;

namespace sctpify {

/// Parameter names as a person reads them (glibc spells them `__domain`).
static std::string parameterName(const FunctionDecl *F, unsigned Index) {
  if (Index < F->getNumParams() && F->getParamDecl(Index)->getIdentifier())
    return F->getParamDecl(Index)->getName().ltrim('_').str();
  return "argument " + std::to_string(Index + 1);
}

/// The new texts of a port's edits, in order: what TUs and a macro's
/// expansions must agree on.
static EditTexts editTexts(const std::vector<PlannedEdit> &Edits) {
  EditTexts Texts;
  for (const PlannedEdit &E : Edits)
    Texts.emplace_back(E.Text);
  return Texts;
}

/// What a finding whose port decides at run time adds to its message.
static std::string decidedAtRunTime(const RuleTable &Rules) {
  return Rules.wording("decided-at-run-time",
                       "whether it applies is only known at run time, so the "
                       "port decides there");
}

Verdict TUAnalysis::verdict(const Binding &B) {
  Verdict V = M.evaluate(B);
  if (llvm::any_of(V.UnknownArgs, [&](const std::string &Name) {
        return llvm::is_contained(B.R->ConstantArguments, Name);
      }))
    return {Verdict::DoesNotMatch, {}, Origin::NotConverted};
  // What follows the call decides only a call the conditions already
  // match; one decided at run time gets the at-run-time form.
  if (V.K == Verdict::Matches && !B.R->FollowedByDiscarding.empty() &&
      !followedByDiscarding(B, B.R->FollowedByDiscarding, Ctx, Locals))
    return {Verdict::DoesNotMatch, {}, Origin::Converted};
  if (V.K == Verdict::DoesNotMatch || B.R->Descriptor.empty())
    return V;
  V.Descriptor = Origins.of(B.arg(B.R->Descriptor));
  if (V.Descriptor == Origin::NotConverted ||
      (V.Descriptor == Origin::Unknown && B.R->DescriptorKnownOnly) ||
      (V.Descriptor != Origin::Mixed && B.R->DescriptorMixedOnly))
    return {Verdict::DoesNotMatch, {}, Origin::NotConverted};
  // A rewrite must address the socket the descriptor really holds; when
  // that differs between paths, or comes from where the analysis cannot see
  // (a parameter, a struct field, fd 0, dup()), only the running program
  // can tell: an unconditional form is right only for a proven conversion.
  if ((V.Descriptor == Origin::Mixed || V.Descriptor == Origin::Unknown) &&
      B.R->Kind == RuleKind::Rewrite)
    V.K = Verdict::Unknown;
  return V;
}

bool TUAnalysis::isStatement(const CallExpr *Call) const {
  DynTypedNodeList Parents = Ctx.getParents(*Call);
  return Parents.size() == 1 && Parents[0].get<CompoundStmt>();
}

void TUAnalysis::visitCall(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return;
  const std::vector<const Rule *> &Candidates =
      M.rulesCalling(Callee->getName());
  if (Candidates.empty() || !Matcher::isCLibraryFunction(Callee) ||
      !interesting(Call->getBeginLoc()))
    return;
  size_t FindingsBefore = Out.Findings.size(), PortsBefore = Ports.size();
  decideCall(Call, Candidates);
  recordDecision(Call, FindingsBefore, PortsBefore);
}

void TUAnalysis::flagCallers(const Binding &B, const Verdict &V) {
  SourceLocation Inner = SM.getExpansionLoc(B.Call->getBeginLoc());
  for (const WrapperCall &W :
       callersWhereMatches(B, V, M, Locals, CallerIndex)) {
    if (!interesting(W.Site->getBeginLoc()))
      continue;
    Out.Findings.push_back(makeFinding(
        *B.R, Finding::Kind::Flag, W.Site->getBeginLoc(),
        B.R->Message + " (through " + W.Wrapper->getNameAsString() +
            "(), whose " + B.Call->getDirectCallee()->getNameAsString() +
            "() at line " + std::to_string(SM.getExpansionLineNumber(Inner)) +
            " gets it from this call)",
        B.R->Suggestion));
  }
}

void TUAnalysis::recordDecision(const CallExpr *Call, size_t FindingsBefore,
                                size_t PortsBefore) {
  SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
  FileID FID = SM.getFileID(Loc);
  if (FID == SM.getMainFileID())
    return;
  std::string Decision;
  // The ports' findings are among Out.Findings too; they are said below,
  // by their texts.
  std::set<size_t> Ported;
  for (size_t I = PortsBefore; I < Ports.size(); ++I)
    Ported.insert(Ports[I].Index);
  // A flag edits nothing, so TUs may differ in flags (a -D flag value)
  // and still share one text.
  for (size_t I = FindingsBefore; I < Out.Findings.size(); ++I) {
    const Finding &F = Out.Findings[I];
    if (F.What != Finding::Kind::Flag && !Ported.count(I))
      Decision += (F.ruleId() + " " + F.text() + ";").str();
  }
  for (size_t I = PortsBefore; I < Ports.size(); ++I) {
    Decision += Ports[I].R->Id + " ->";
    for (Interned Text : Ports[I].Texts)
      Decision += " " + Text.str();
    Decision += ";";
  }
  Out.HeaderDecisions[pathOf(FID) + ":" +
                      std::to_string(SM.getExpansionLineNumber(Loc)) + ":" +
                      std::to_string(SM.getExpansionColumnNumber(Loc))] =
      Decision;
}

void TUAnalysis::decideCall(const CallExpr *Call,
                            const std::vector<const Rule *> &Candidates) {
  // A call in a macro's body is one text for every expansion: rewrite rules
  // decide on all of them together; flags still apply to each expansion.
  std::optional<std::string> Macro =
      macroBodyHoldingCall(Call, SM, Ctx.getLangOpts());
  if (Macro)
    visitMacroBodyCall(Call, *Macro);

  // Every rule's verdict first: a rule that applies may silence others here
  // (`instead-of`), whatever their order in the table.
  std::vector<std::pair<Binding, Verdict>> Verdicts;
  std::set<std::string> Silenced;
  for (const Rule *R : Candidates) {
    if (Macro && R->Kind == RuleKind::Rewrite)
      continue;
    std::optional<Binding> B = M.bind(*R, Call);
    if (!B || (B->pattern().Statement && !isStatement(Call)))
      continue;
    Verdict V = verdict(*B);
    if (V.K == Verdict::DoesNotMatch)
      continue;
    if (V.K == Verdict::Matches || R->runTimeFormFor(B->Pattern))
      Silenced.insert(R->InsteadOf.begin(), R->InsteadOf.end());
    Verdicts.emplace_back(std::move(*B), V);
  }
  std::optional<std::pair<Binding, Verdict>> Undecided;
  // A port decided here leaves no room for one decided at run time; a flag
  // edits nothing, so the run-time port still goes with it.
  bool Ported = false;
  for (auto &[B, V] : Verdicts) {
    const Rule *R = B.R;
    if (Silenced.count(R->Id))
      continue;
    if (V.K == Verdict::Unknown) {
      // Only a rewrite is held back by an unknown value; a flag about
      // something that may not happen would be noise here, but belongs at
      // each caller of a wrapper that passes a matching constant.
      if (R->Kind == RuleKind::Flag)
        flagCallers(B, V);
      if (R->Kind == RuleKind::Rewrite && !Undecided)
        Undecided.emplace(B, V);
      continue;
    }
    if (R->Kind == RuleKind::Flag) {
      Out.Findings.push_back(makeFinding(*R, Finding::Kind::Flag,
                                         Call->getBeginLoc(), R->Message,
                                         R->Suggestion));
      continue;
    }
    Ported = true;
    port(B, *R->replacementFor(B.Pattern), R->Message);
  }
  if (Ported || !Undecided)
    return;
  const auto &[B, V] = *Undecided;
  if (const Template *RunTime = B.R->runTimeFormFor(B.Pattern)) {
    bool ValuesUnknown = !V.UnknownArgs.empty();
    port(B, *RunTime,
         (ValuesUnknown && !B.R->RunTimeMessage.empty() ? B.R->RunTimeMessage
                                                         : B.R->Message) +
             "; " + decidedAtRunTime(Rules));
    return;
  }
  review(B, V);
}

void TUAnalysis::port(const Binding &B, const Template &T, std::string Message) {
  bool Plain = &T == B.R->replacementFor(B.Pattern);
  std::optional<PortedCall> Port =
      Edits.build(B, T, EditSite::File, /*MoveToInitializers=*/Plain);
  if (!Port || !editable(Port->Edits)) {
    Out.Findings.push_back(makeFinding(
        *B.R, Finding::Kind::Review, B.Call->getBeginLoc(),
        B.R->Message + "; part of the call comes from a macro expansion "
                       "sctpify cannot edit: port it by hand",
        // This call's own port where it could be built; the rule's example
        // only where it could not, and then said to be one.
        Port ? portedNote(Port->Form)
             : Rules.wording("example-form", "for example") + ": " +
                   B.R->Ex.After));
    return;
  }
  Message += portGuards(Port->Edits);
  Finding F = makeFinding(*B.R, Finding::Kind::Rewrite, B.Call->getBeginLoc(),
                          std::move(Message), portedNote(Port->Form));
  addEdits(F, Port->Edits);
  Out.Findings.push_back(std::move(F));
  Ports.push_back({Out.Findings.size() - 1, B.Call->getBeginLoc(), B.R,
                   editTexts(Port->Edits), {}});
}

std::string TUAnalysis::portGuards(std::vector<PlannedEdit> &Planned) {
  // `#ifdef TCP_NODELAY` around a call whose TCP_NODELAY became SCTP_NODELAY
  // would test a name the port no longer uses: it tests the new one. Only
  // a whole name replaced by a whole name is followed; a helper call keeps
  // the original names, and its guard stays right.
  std::string Said;
  size_t Count = Planned.size();
  for (size_t I = 0; I < Count; ++I) {
    StringRef Old = Lexer::getSourceText(Planned[I].Range, SM, Ctx.getLangOpts());
    // A copy: pushing onto Planned below may move its strings.
    std::string New = Planned[I].Text;
    if (!isValidAsciiIdentifier(Old) || !isValidAsciiIdentifier(New) || Old == New)
      continue;
    SourceLocation Use = Planned[I].Range.getBegin();
    FileID FID = SM.getFileID(SM.getExpansionLoc(Use));
    for (unsigned Offset : Includes.guardsAround(Use, Old)) {
      if (!PortedGuards.insert({FID, Offset}).second)
        continue; // one edit per guard, made by the first port under it
      SourceLocation Name = SM.getComposedLoc(FID, Offset);
      Planned.push_back({CharSourceRange::getCharRange(
                             Name, Name.getLocWithOffset(Old.size())),
                         New});
      Said += "; the #if test of " + Old.str() + " at line " +
              std::to_string(SM.getSpellingLineNumber(Name)) +
              " now tests " + New;
    }
  }
  return Said;
}

void TUAnalysis::review(const Binding &B, const Verdict &V) {
  const FunctionDecl *Callee = B.Call->getDirectCallee();
  std::string Reason;
  for (const std::string &Name : V.UnknownArgs) {
    auto Pos = llvm::find(B.pattern().Args, Name) - B.pattern().Args.begin();
    Reason += (Reason.empty() ? "its '" : ", '") + parameterName(Callee, Pos) + "'";
  }
  if (!Reason.empty())
    Reason += V.UnknownArgs.size() > 1 ? " are not compile-time constants"
                                       : " is not a compile-time constant";
  if (V.Descriptor == Origin::Mixed)
    Reason += std::string(Reason.empty() ? "" : ", and ") +
              Rules.wording("mixed-descriptor",
                            "its descriptor may or may not be converted");
  Out.Findings.push_back(makeFinding(
      *B.R, Finding::Kind::Review, B.Call->getBeginLoc(),
      Callee->getName().str() + "() may need porting, but " + Reason +
          "; sctpify leaves it for review",
      // The rule's example may use other arguments than this call; its
      // suggestion fits every call.
      "if it does: " + B.R->Suggestion));
}

void TUAnalysis::visitMacroBodyCall(const CallExpr *Call,
                                    const std::string &Macro) {
  SourceLocation Definition;
  if (const MacroInfo *MI = PP.getMacroInfo(PP.getIdentifierInfo(Macro))) {
    Definition = MI->getDefinitionLoc();
    Edits.setDefinition({Definition, MI->getDefinitionEndLoc()});
  }
  std::string Where =
      Definition.isValid()
          ? llvm::sys::path::filename(SM.getPresumedLoc(Definition).getFilename())
                    .str() +
                ":" + std::to_string(SM.getPresumedLoc(Definition).getLine())
          : "";
  for (const Rule *R : M.rulesCalling(Call->getDirectCallee()->getName())) {
    std::optional<Binding> B = M.bind(*R, Call);
    if (R->Kind != RuleKind::Rewrite || !B)
      continue;
    Verdict V = verdict(*B);
    MacroUse Use;
    Use.Key = R->Id + "@" +
              (Definition.isValid()
                   ? pathOf(SM.getFileID(Definition)) + ":" +
                         std::to_string(SM.getFileOffset(Definition))
                   : Macro);
    Use.Applies = V.K != Verdict::DoesNotMatch;
    // The definition can be edited for everyone only where its own text
    // spells every part the rule rewrites, in a file of the project. A
    // run-time form is one text too: the definition takes it when every
    // expansion asks for the same text (settleMacroUses).
    const Template *Form = V.K == Verdict::Matches ? R->replacementFor(B->Pattern)
                           : V.K == Verdict::Unknown ? R->runTimeFormFor(B->Pattern)
                                                     : nullptr;
    std::optional<PortedCall> Port;
    if (Form && Definition.isValid() && interesting(Definition))
      Port = Edits.build(*B, *Form, EditSite::MacroDefinition, false);
    if (Use.Applies)
      Use.Review = makeFinding(
          *R, Finding::Kind::Review, Call->getBeginLoc(),
          R->Message + "; the call is spelled inside macro " + Macro +
              (Where.empty() ? "" : " defined at " + Where) +
              ", and not every expansion of it can be ported in the definition: "
              "port it by hand",
          // This call's own form where there is one; the rule's example
          // may use other arguments.
          Port ? portedNote(Port->Form) : R->Suggestion);
    if (Port && !editable(Port->Edits))
      Port.reset();
    Use.Qualifies = Port.has_value();
    if (Port) {
      SourceLocation Spelling = SM.getSpellingLoc(Call->getBeginLoc());
      Finding F = makeFinding(
          *R, Finding::Kind::Rewrite, Spelling,
          R->Message + "; it is spelled inside macro " + Macro +
              ", whose every expansion matches, so its definition is rewritten" +
              (V.K == Verdict::Unknown
                   ? "; " + decidedAtRunTime(Rules)
                   : ""),
          portedNote(Port->Form));
      addEdits(F, Port->Edits);
      EditTexts Texts = editTexts(Port->Edits);
      for (Interned Text : Texts)
        Use.Texts.push_back(Text.str());
      // Out.Findings holds it until the TU is done, then Use does.
      Out.Findings.push_back(std::move(F));
      Ports.push_back({Out.Findings.size() - 1, Spelling, R, std::move(Texts),
                       Out.MacroUses.size()});
    }
    Out.MacroUses.push_back(std::move(Use));
  }
}

/// Whether a tag is the type a rule names: `tcp_info` is any tag of that
/// name; `asio::ip::tcp` also matches `boost::asio::ip::tcp`.
static bool namesType(const TagDecl *Tag, StringRef Type) {
  if (!Type.contains("::"))
    return Tag->getName() == Type;
  std::string Qualified = Tag->getQualifiedNameAsString();
  StringRef Q(Qualified);
  return Q == Type || Q.ends_with(("::" + Type).str());
}

void TUAnalysis::visitTypeUse(const TagDecl *Tag, SourceLocation Loc) {
  if (!Tag->getIdentifier())
    return;
  const std::vector<const Rule *> &Candidates = M.rulesForType(Tag->getName());
  if (Candidates.empty() || !interesting(Loc))
    return;
  for (const Rule *R : Candidates)
    if (llvm::any_of(R->Patterns, [&](const ParsedPattern &P) {
          return P.Type && namesType(Tag, P.Type->Name);
        }))
      Out.Findings.push_back(
          makeFinding(*R, Finding::Kind::Flag, Loc, R->Message, R->Suggestion));
}

void TUAnalysis::visitComparison(const BinaryOperator *Op) {
  if (!Op->isEqualityOp())
    return;
  for (auto [Member, Other] : {std::pair(Op->getLHS(), Op->getRHS()),
                               std::pair(Op->getRHS(), Op->getLHS())}) {
    const auto *ME = dyn_cast<MemberExpr>(Member->IgnoreParenImpCasts());
    if (!ME || !ME->getMemberDecl()->getIdentifier())
      continue;
    const std::vector<const Rule *> &Candidates =
        M.rulesForMember(ME->getMemberDecl()->getName());
    if (Candidates.empty() || !interesting(Op->getOperatorLoc()))
      continue;
    for (const Rule *R : Candidates)
      if (M.comparesTo(*R, Other))
        Out.Findings.push_back(makeFinding(*R, Finding::Kind::Flag,
                                           Op->getBeginLoc(), R->Message,
                                           R->Suggestion));
  }
}

} // namespace sctpify
