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

FindingStream::Key FindingStream::key(const Finding &F) {
  return {F.File.id(), F.Offset, F.Rule.id(), F.Message.id()};
}

void FindingStream::completed(const TUResult &TU) {
  auto It = Position.find(TU.MainFile);
  if (It == Position.end() || It->second < Next || Waiting.count(It->second))
    return;
  std::vector<const Finding *> &Mine = Waiting[It->second];
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
        Mine.push_back(&F);
  // The order the final report has: by place, then rule.
  llvm::sort(Mine, [](const Finding *A, const Finding *B) { return *A < *B; });
  while (!Waiting.empty() && Waiting.begin()->first == Next) {
    print(Waiting.begin()->second);
    Waiting.erase(Waiting.begin());
    ++Next;
  }
}

void FindingStream::print(const std::vector<const Finding *> &Findings) {
  if (Findings.empty())
    return;
  // A main file's edits are all written, or the run names it in an error
  // ("it is left unchanged"), as clang-tidy's -fix does.
  printFindings(Findings, OS, Color, [&](const Finding &F) {
    return InPlace && F.rewrites();
  });
  OS.flush();
  for (const Finding *F : Findings)
    Printed.push_back(key(*F));
  PrintedSorted = false;
}

bool FindingStream::printed(const Finding &F) {
  if (!PrintedSorted) {
    llvm::sort(Printed);
    PrintedSorted = true;
  }
  return std::binary_search(Printed.begin(), Printed.end(), key(F));
}

} // namespace sctpify
