//===- FindingStream.cpp --------------------------------------------------===//
#include "FindingStream.h"
#include "output/Reporter.h"

namespace sctpify {

FindingStream::FindingStream(const std::vector<std::string> &Order,
                             const LineFilter *Lines, llvm::raw_ostream &OS,
                             bool Color, bool InPlace)
    : Lines(Lines), OS(OS), Color(Color), InPlace(InPlace) {
  // A main file listed twice (two compile commands) has its first place;
  // if its later job completes first, the TUs after that place wait for
  // the end of the run, where everything not printed yet is printed.
  for (size_t I = 0; I < Order.size(); ++I)
    Position.try_emplace(Order[I], I);
}

std::string FindingStream::key(const Finding &F) {
  return F.filePath() + ":" + std::to_string(F.Message.FileOffset) + ":" +
         F.ruleId() + ":" + F.text();
}

void FindingStream::completed(const TUResult &TU) {
  auto It = Position.find(TU.MainFile);
  if (It == Position.end() || It->second < Next || Waiting.count(It->second))
    return;
  std::vector<Finding> &Mine = Waiting[It->second];
  // A macro decision may add a finding in the main file at the end; the
  // file's findings then all wait, so that they stay in the file's order.
  bool MacroDecisionsHere =
      llvm::any_of(TU.MacroUses, [&](const MacroUse &U) {
        return (U.DefinitionRewrite &&
                U.DefinitionRewrite->filePath() == TU.MainFile) ||
               (U.Review && U.Review->filePath() == TU.MainFile);
      });
  if (!TU.Failed && !MacroDecisionsHere)
    for (const Finding &F : TU.Findings)
      if (F.filePath() == TU.MainFile && !F.Suppressed &&
          (!Lines || Lines->allows(F.filePath(), F.Line)))
        Mine.push_back(F);
  // The order the final report has: by place, then rule.
  llvm::sort(Mine);
  while (!Waiting.empty() && Waiting.begin()->first == Next) {
    print(Waiting.begin()->second);
    Waiting.erase(Waiting.begin());
    ++Next;
  }
}

void FindingStream::print(const std::vector<Finding> &Findings) {
  if (Findings.empty())
    return;
  // A main file's edits are all written, or the run names it in an error
  // ("it is left unchanged"), as clang-tidy's -fix does.
  printFindings(Findings, OS, Color, [&](const Finding &F) {
    return InPlace && F.rewrites();
  });
  OS.flush();
  for (const Finding &F : Findings)
    Printed.insert(key(F));
}

bool FindingStream::printed(const Finding &F) const {
  return Printed.contains(key(F));
}

} // namespace sctpify
