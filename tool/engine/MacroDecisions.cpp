//===- MacroDecisions.cpp -------------------------------------------------===//
#include "engine/MacroDecisions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include <map>

using namespace clang;

namespace sctpify {

std::optional<std::string> macroBodyHoldingCall(const CallExpr *Call,
                                                const SourceManager &SM,
                                                const LangOptions &LO) {
  SourceLocation Loc = Call->getCallee()->getBeginLoc();
  if (!Loc.isMacroID())
    return std::nullopt;
  SourceLocation Spelling = Loc;
  while (Spelling.isMacroID() && SM.isMacroArgExpansion(Spelling))
    Spelling = SM.getImmediateSpellingLoc(Spelling);
  if (!Spelling.isMacroID())
    return std::nullopt;
  return Lexer::getImmediateMacroName(Spelling, SM, LO).str();
}

void settleMacroUses(const std::vector<MacroUse> &Uses,
                     std::vector<Finding> &Findings) {
  std::map<std::string, std::vector<const MacroUse *>> ByMacro;
  for (const MacroUse &Use : Uses)
    ByMacro[Use.Key].push_back(&Use);
  for (const auto &[Key, All] : ByMacro) {
    // One definition serves every expansion: each must ask for the same
    // text (a run-time form at one and the plain form at another do not).
    bool Every = llvm::all_of(All, [&](const MacroUse *U) {
      return U->Qualifies && U->DefinitionRewrite &&
             U->Texts == All.front()->Texts;
    });
    if (Every) {
      Findings.push_back(*All.front()->DefinitionRewrite);
      continue;
    }
    for (const MacroUse *U : All)
      if (U->Applies && U->Review)
        Findings.push_back(*U->Review);
  }
}

} // namespace sctpify
