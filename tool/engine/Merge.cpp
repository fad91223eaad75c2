//===- Merge.cpp ----------------------------------------------------------===//
#include "engine/Merge.h"
#include "engine/InsertionPlan.h"
#include "engine/MacroDecisions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include <numeric>
#include <set>

using clang::tooling::Replacement;

namespace sctpify {

static bool sameFixes(const Finding &A, const Finding &B) {
  return A.fixes() == B.fixes();
}

static void appendOnce(std::vector<std::string> &To,
                       const std::vector<std::string> &From) {
  for (const std::string &S : From)
    if (!llvm::is_contained(To, S))
      To.push_back(S);
}

/// Sorts by file, offset, rule and text; equal findings keep their order,
/// so the first TU's copy is the one kept. A Finding is a few hundred
/// bytes with strings and maps inside: sorting their indices, then moving
/// each finding once into place, costs less than moving findings at every
/// step of the sort.
static void sortInPlace(std::vector<Finding> &Findings) {
  std::vector<size_t> From(Findings.size());
  std::iota(From.begin(), From.end(), 0);
  llvm::sort(From, [&](size_t A, size_t B) {
    if (Findings[A] < Findings[B])
      return true;
    return !(Findings[B] < Findings[A]) && A < B;
  });
  // From[I] is where the finding that belongs at I is now; follow each
  // cycle of the permutation once.
  for (size_t Start = 0; Start < Findings.size(); ++Start) {
    if (From[Start] == Start)
      continue;
    Finding Held = std::move(Findings[Start]);
    size_t At = Start;
    while (From[At] != Start) {
      size_t Next = From[At];
      Findings[At] = std::move(Findings[Next]);
      From[At] = At;
      At = Next;
    }
    Findings[At] = std::move(Held);
    From[At] = At;
  }
}

MergedRun mergeResults(std::vector<TUResult> TUs, const LineFilter *Lines) {
  MergedRun Run;
  std::vector<MacroUse> MacroUses;
  std::map<std::string, InsertionPoint> Insertions;
  std::map<std::string, uint64_t> Hashes;
  std::map<std::string, std::string> HelperCode;
  // "path:line:col" of a call in a header -> what the first TU to see it did.
  std::map<std::string, std::pair<std::string, std::string>> Decisions;
  std::vector<std::string> Conflicts;
  llvm::StringSet<> InConflict; // a run may hold thousands of files
  std::set<std::string> Outside;
  // Reason completes "'<file>' is left unchanged: ", and says what the user
  // can do; the first reason found for a file is the one reported.
  auto Conflict = [&](const std::string &File, llvm::StringRef Reason) {
    if (InConflict.insert(File).second)
      Conflicts.push_back(File);
    Run.ConflictReasons.try_emplace(File, Reason.str());
  };
  Run.Totals.TranslationUnits = TUs.size();
  // Finding's move constructor is not noexcept (StringMap, SmallVector), so
  // a growing std::vector<Finding> copies every finding it holds: reserve.
  size_t Total = 0;
  for (const TUResult &TU : TUs)
    Total += TU.Findings.size() + TU.MacroUses.size();
  Run.Findings.reserve(Total);
  for (TUResult &TU : TUs) {
    Run.ProjectFiles.insert(TU.MainFile);
    Run.ProjectFiles.insert(TU.ProjectFiles.begin(), TU.ProjectFiles.end());
    if (TU.Failed) {
      Run.FailedFiles.push_back(TU.MainFile);
      continue;
    }
    for (Finding &F : TU.Findings)
      Run.Findings.push_back(std::move(F));
    // The moved-from shells would otherwise stay until the merge ends.
    std::vector<Finding>().swap(TU.Findings);
    for (MacroUse &U : TU.MacroUses)
      MacroUses.push_back(std::move(U));
    for (const auto &[File, Point] : TU.Insertions) {
      auto [It, Inserted] = Insertions.try_emplace(File, Point);
      if (!Inserted && It->second.Offset != Point.Offset)
        Conflict(File, "its translation units would add its #include lines at "
                       "different places (-D, #ifdef around its includes); "
                       "add the includes the port needs by hand");
    }
    for (const auto &[File, Hash] : TU.ContentHashes) {
      auto [It, Inserted] = Hashes.try_emplace(File, Hash);
      if (!Inserted && It->second != Hash)
        Conflict(File, "it changed while sctpify was reading it; run sctpify "
                       "again once nothing else writes it");
    }
    // One text per call serves every TU: where TUs that compile a header
    // differently would port a call differently, no edit is right for all.
    for (auto &[Where, Decision] : TU.HeaderDecisions) {
      auto [It, Inserted] =
          Decisions.try_emplace(Where, std::move(Decision), TU.MainFile);
      auto Edits = [](llvm::StringRef D) { return D.contains(" ->"); };
      if (Inserted || It->second.first == Decision ||
          (!Edits(Decision) && !Edits(It->second.first)))
        continue; // flags alone edit nothing
      auto [FileAndLine, Column] = llvm::StringRef(Where).rsplit(':');
      auto [FileRef, Line] = FileAndLine.rsplit(':');
      Conflict(FileRef.str(),
               "'" + It->second.second + "' and '" + TU.MainFile +
                   "' compile it differently (-D, #ifdef) and would port the "
                   "call at line " + Line.str() + ", column " + Column.str() +
                   " differently; port it by hand, or make the value the "
                   "port depends on the same in every translation unit");
    }
    HelperCode.insert(TU.HelperCode.begin(), TU.HelperCode.end());
    Outside.insert(TU.OutsideProject.begin(), TU.OutsideProject.end());
  }
  settleMacroUses(MacroUses, Run.Findings);

  // A header seen by several TUs yields the same findings several times;
  // the same finding with different edits (a header compiled two ways) is a
  // conflict, never merged silently.
  sortInPlace(Run.Findings);
  // In place: a second vector would hold every finding twice.
  size_t Kept = 0;
  for (size_t I = 0; I < Run.Findings.size(); ++I) {
    Finding &F = Run.Findings[I];
    if (Kept && sameFinding(Run.Findings[Kept - 1], F)) {
      Finding &First = Run.Findings[Kept - 1];
      if (!sameFixes(First, F))
        Conflict(F.filePath(),
                 "its translation units compile it differently and would "
                 "edit line " + std::to_string(F.Line) + " differently; "
                 "port that line by hand");
      // A header's includes are planned for all its TUs at once: a name one
      // TU declared before including the header, another may not have, and
      // the include the second needs does the first no harm.
      appendOnce(First.NeedsHeaders, F.NeedsHeaders);
      appendOnce(First.NeedsHelpers, F.NeedsHelpers);
      continue;
    }
    if (Kept != I)
      Run.Findings[Kept] = std::move(F);
    ++Kept;
  }
  Run.Findings.erase(Run.Findings.begin() + Kept, Run.Findings.end());
  if (Lines)
    llvm::erase_if(Run.Findings, [&](const Finding &F) {
      return !Lines->allows(F.filePath(), F.Line);
    });

  // One insertion per file, on its first unsuppressed rewrite.
  std::map<std::string, std::pair<Finding *, std::pair<std::vector<std::string>,
                                                      std::vector<std::string>>>>
      Needs;
  for (Finding &F : Run.Findings) {
    if (F.Suppressed || !F.rewrites() ||
        (F.NeedsHeaders.empty() && F.NeedsHelpers.empty()))
      continue;
    auto &[First, Lists] = Needs[F.filePath()];
    if (!First)
      First = &F;
    appendOnce(Lists.first, F.NeedsHeaders);
    appendOnce(Lists.second, F.NeedsHelpers);
  }
  for (auto &[File, Entry] : Needs) {
    auto Point = Insertions.find(File);
    if (Point == Insertions.end())
      continue;
    std::string Text = renderInsertion(Point->second, Entry.second.first,
                                       Entry.second.second, HelperCode);
    if (!Text.empty())
      llvm::consumeError(Entry.first->Message.Fix[File].add(
          Replacement(File, Point->second.Offset, 0, Text)));
  }

  // The edits per file; overlapping different edits are a conflict.
  // Findings are sorted by file, so the file's entry is looked up once per
  // run of findings in it, not once per edit.
  FileEdits *Current = nullptr;
  std::string CurrentFile;
  for (const Finding &F : Run.Findings) {
    if (F.Suppressed)
      continue;
    for (const auto &Entry : F.Message.Fix)
      for (const Replacement &R : Entry.second) {
        if (!Current || R.getFilePath() != CurrentFile) {
          CurrentFile = R.getFilePath().str();
          Current = &Run.Edits[CurrentFile];
          auto Hash = Hashes.find(CurrentFile);
          Current->ContentHash = Hash == Hashes.end() ? 0 : Hash->second;
        }
        if (llvm::Error Err = Current->Replacements.add(R)) {
          llvm::consumeError(std::move(Err));
          Conflict(CurrentFile,
                   "two edits overlap at offset " +
                       std::to_string(R.getOffset()) +
                       " (two rules, or two translation units, change the "
                       "same text); port that text by hand");
        }
      }
  }
  for (const std::string &File : Conflicts)
    Run.Edits.erase(File);
  Run.Conflicts = std::move(Conflicts);

  Summary &S = Run.Totals;
  S.Failed = Run.FailedFiles.size();
  S.OutsideProject.assign(Outside.begin(), Outside.end());
  for (const Finding &F : Run.Findings) {
    if (F.Suppressed) {
      ++S.Suppressed;
      continue;
    }
    switch (F.What) {
    case Finding::Kind::Rewrite: ++S.Rewrites; break;
    case Finding::Kind::Review:  ++S.Reviews; break;
    case Finding::Kind::Flag:    ++S.Flags; break;
    }
    ++S.ByRule[F.ruleId()];
  }
  return Run;
}

} // namespace sctpify
