//===- IncludePlacement.cpp -----------------------------------------------===//
#include "engine/IncludePlacement.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace sctpify {

unsigned IncludeRecorder::nextLineOffset(SourceLocation Loc) const {
  auto [FID, Offset] = SM.getDecomposedLoc(Loc);
  StringRef Text = SM.getBufferData(FID);
  // A directive may continue over escaped newlines.
  size_t Pos = Offset;
  while (true) {
    Pos = Text.find('\n', Pos);
    if (Pos == StringRef::npos)
      return Text.size();
    if (Pos > 0 && Text[Pos - 1] == '\\') {
      ++Pos;
      continue;
    }
    return Pos + 1;
  }
}

void IncludeRecorder::InclusionDirective(
    SourceLocation HashLoc, const Token &, StringRef FileName, bool IsAngled,
    CharSourceRange, OptionalFileEntryRef, StringRef, StringRef,
    const Module *, bool, SrcMgr::CharacteristicKind) {
  if (HashLoc.isMacroID())
    return;
  FileRecord &F = Files[SM.getFileID(HashLoc)];
  if (KeepLast && !F.FirstKeptLast &&
      llvm::any_of(*KeepLast, [&](const llvm::GlobPattern &G) {
        return G.match(FileName);
      }))
    F.FirstKeptLast = SM.getFileOffset(HashLoc);
  F.Anchors.push_back({SM.getFileOffset(HashLoc), nextLineOffset(HashLoc)});
  F.Includes.push_back({FileName.str(), IsAngled, SM.getFileOffset(HashLoc)});
  for (auto &OpenIf : F.OpenIfs)
    OpenIf.second = true;
}

void IncludeRecorder::open(SourceLocation Loc) {
  if (Loc.isMacroID())
    return;
  Files[SM.getFileID(Loc)].OpenIfs.emplace_back(SM.getFileOffset(Loc), false);
}

void IncludeRecorder::Defined(const Token &Name, const MacroDefinition &,
                              SourceRange) {
  SourceLocation Loc = Name.getLocation();
  if (Loc.isMacroID() || !Name.getIdentifierInfo())
    return;
  Pending.emplace_back(SM.getFileID(Loc), SM.getFileOffset(Loc),
                       Name.getIdentifierInfo()->getName().str());
}

void IncludeRecorder::openBranch(SourceLocation Loc) {
  if (Loc.isMacroID()) {
    Pending.clear();
    return;
  }
  FileID FID = SM.getFileID(Loc);
  FileRecord &F = Files[FID];
  std::vector<size_t> Branch;
  for (auto &[File, Offset, Name] : Pending)
    if (File == FID) {
      Branch.push_back(F.Guards.size());
      F.Guards.push_back({Name, Offset, SM.getFileOffset(Loc), ~0u});
    }
  Pending.clear();
  F.OpenBranches.push_back(std::move(Branch));
}

void IncludeRecorder::closeBranch(SourceLocation Loc) {
  if (Loc.isMacroID())
    return;
  FileRecord &F = Files[SM.getFileID(Loc)];
  if (F.OpenBranches.empty())
    return;
  for (size_t I : F.OpenBranches.back())
    F.Guards[I].End = SM.getFileOffset(Loc);
  F.OpenBranches.pop_back();
}

std::vector<unsigned> IncludeRecorder::guardsAround(SourceLocation Use,
                                                    StringRef Name) const {
  std::vector<unsigned> Offsets;
  Use = SM.getExpansionLoc(Use);
  auto It = Files.find(SM.getFileID(Use));
  if (It == Files.end())
    return Offsets;
  unsigned At = SM.getFileOffset(Use);
  for (const FileRecord::Guard &G : It->second.Guards)
    if (G.Name == Name && G.Begin < At && At < G.End)
      Offsets.push_back(G.NameOffset);
  return Offsets;
}

void IncludeRecorder::Endif(SourceLocation Loc, SourceLocation IfLoc) {
  closeBranch(Loc);
  if (Loc.isMacroID())
    return;
  FileRecord &F = Files[SM.getFileID(Loc)];
  if (F.OpenIfs.empty())
    return;
  auto [Begin, HoldsIncludes] = F.OpenIfs.back();
  F.OpenIfs.pop_back();
  unsigned End = SM.getFileOffset(Loc);
  F.Blocks.push_back({Begin, End});
  // After a block of includes, the line following its #endif is as good a
  // place as the line following an unconditional include.
  if (HoldsIncludes)
    F.Anchors.push_back({End, nextLineOffset(Loc)});
  (void)IfLoc;
}

std::optional<unsigned>
IncludeRecorder::insertionOffset(SourceLocation Use) const {
  Use = SM.getExpansionLoc(Use);
  auto It = Files.find(SM.getFileID(Use));
  if (It == Files.end())
    return std::nullopt;
  const FileRecord &F = It->second;
  unsigned UseOffset = SM.getFileOffset(Use);
  auto Encloses = [](const Block &B, unsigned Offset) {
    return B.Begin <= Offset && Offset <= B.End;
  };
  std::optional<unsigned> Best;
  unsigned BestAnchor = 0;
  for (const Anchor &A : F.Anchors) {
    if (A.NextLine > UseOffset ||
        (F.FirstKeptLast && A.NextLine > *F.FirstKeptLast))
      continue;
    // Every conditional block around the anchor must also enclose the use,
    // or the include would be compiled out where the use is compiled in.
    bool Visible = llvm::all_of(F.Blocks, [&](const Block &B) {
      return !Encloses(B, A.Offset) || B.End == A.Offset ||
             Encloses(B, UseOffset);
    });
    // Blocks still open at the end of the file (unterminated) cannot be
    // reasoned about; OpenIfs is empty after a well-formed file.
    if (Visible && (!Best || A.Offset >= BestAnchor)) {
      Best = A.NextLine;
      BestAnchor = A.Offset;
    }
  }
  return Best;
}

bool IncludeRecorder::includesDirectly(SourceLocation Loc,
                                       StringRef Header) const {
  Loc = SM.getExpansionLoc(Loc);
  auto It = Files.find(SM.getFileID(Loc));
  if (It == Files.end())
    return false;
  bool Angled = Header.starts_with("<");
  StringRef Name = Header.trim("<>\"");
  unsigned Offset = SM.getFileOffset(Loc);
  return llvm::any_of(It->second.Includes, [&](const FileRecord::Include &I) {
    return I.Name == Name && I.Angled == Angled && I.Offset < Offset;
  });
}

} // namespace sctpify
