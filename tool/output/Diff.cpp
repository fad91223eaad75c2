//===- Diff.cpp -----------------------------------------------------------===//
#include "output/Diff.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

using namespace llvm;
using clang::tooling::Replacement;

namespace sctpify {
namespace {

/// Old lines [Begin, End) are replaced by NewText (whole lines).
struct Change {
  unsigned Begin, End;
  std::string NewText;
};

SmallVector<StringRef> splitLines(StringRef Text) {
  SmallVector<StringRef> Lines;
  while (!Text.empty()) {
    size_t Newline = Text.find('\n');
    Lines.push_back(Text.take_front(Newline == StringRef::npos ? Text.size()
                                                               : Newline + 1));
    Text = Text.drop_front(Lines.back().size());
  }
  return Lines;
}

void writeLines(raw_ostream &OS, char Prefix, ArrayRef<StringRef> Lines) {
  for (StringRef Line : Lines) {
    OS << Prefix << Line;
    if (!Line.ends_with("\n"))
      OS << "\n\\ No newline at end of file\n";
  }
}

} // namespace

void writeUnifiedDiff(StringRef Path, StringRef Code,
                      const clang::tooling::Replacements &Edits,
                      raw_ostream &OS) {
  if (Edits.empty())
    return;
  SmallVector<StringRef> OldLines = splitLines(Code);
  std::vector<unsigned> LineStart;
  unsigned Offset = 0;
  for (StringRef Line : OldLines) {
    LineStart.push_back(Offset);
    Offset += Line.size();
  }
  LineStart.push_back(Code.size());
  auto LineOf = [&](unsigned Offset) {
    return unsigned(std::upper_bound(LineStart.begin(), LineStart.end() - 1,
                                     Offset) -
                    LineStart.begin()) -
           1;
  };

  // Map each edit to whole old lines, merging edits that share a line.
  std::vector<Change> Changes;
  std::vector<std::vector<Replacement>> Members;
  for (const Replacement &R : Edits) {
    unsigned Begin = R.getOffset() >= Code.size() && !OldLines.empty()
                         ? OldLines.size() - !Code.ends_with("\n")
                         : LineOf(R.getOffset());
    unsigned End;
    bool AtLineStart = Begin < LineStart.size() && LineStart[Begin] == R.getOffset();
    if (R.getLength() == 0 && AtLineStart)
      End = Begin; // a pure insertion of whole lines before line Begin
    else
      End = LineOf(R.getOffset() + std::max(R.getLength(), 1u) - 1) + 1;
    End = std::min<unsigned>(End, OldLines.size());
    // Edits on one line, or on adjacent lines, read best as one block.
    if (!Changes.empty() && Begin <= Changes.back().End) {
      Changes.back().End = std::max(Changes.back().End, End);
      Members.back().push_back(R);
    } else {
      Changes.push_back({Begin, End, ""});
      Members.push_back({R});
    }
  }
  for (size_t I = 0; I < Changes.size(); ++I) {
    Change &C = Changes[I];
    // Built front to back, each old byte and replacement copied once: a
    // block of adjacent edited lines can hold every edit of a generated
    // file, where replacing in place would move the tail once per edit.
    unsigned From = LineStart[C.Begin], To = LineStart[C.End];
    std::string Text;
    unsigned Cursor = From;
    for (const Replacement &R : Members[I]) {
      Text.append(Code.data() + Cursor, R.getOffset() - Cursor);
      Text.append(R.getReplacementText().data(),
                  R.getReplacementText().size());
      Cursor = R.getOffset() + R.getLength();
    }
    Text.append(Code.data() + Cursor, To - std::min(Cursor, To));
    C.NewText = std::move(Text);
  }

  OS << "--- a/" << Path << "\n+++ b/" << Path << "\n";
  const unsigned Context = 3;
  int Delta = 0; // new line number minus old line number so far
  for (size_t First = 0; First < Changes.size();) {
    // A hunk holds every change whose context overlaps the previous one's.
    size_t Last = First;
    while (Last + 1 < Changes.size() &&
           Changes[Last + 1].Begin <= Changes[Last].End + 2 * Context)
      ++Last;
    unsigned HunkBegin = Changes[First].Begin > Context
                             ? Changes[First].Begin - Context
                             : 0;
    unsigned HunkEnd =
        std::min<unsigned>(Changes[Last].End + Context, OldLines.size());
    std::string Body;
    raw_string_ostream BodyOS(Body);
    unsigned OldCount = 0, NewCount = 0, Cursor = HunkBegin;
    int HunkDelta = 0;
    for (size_t I = First; I <= Last; ++I) {
      const Change &C = Changes[I];
      ArrayRef<StringRef> Same(OldLines.begin() + Cursor,
                               OldLines.begin() + C.Begin);
      writeLines(BodyOS, ' ', Same);
      OldCount += Same.size();
      NewCount += Same.size();
      ArrayRef<StringRef> Removed(OldLines.begin() + C.Begin,
                                  OldLines.begin() + C.End);
      SmallVector<StringRef> Added = splitLines(C.NewText);
      writeLines(BodyOS, '-', Removed);
      writeLines(BodyOS, '+', Added);
      OldCount += Removed.size();
      NewCount += Added.size();
      HunkDelta += int(Added.size()) - int(Removed.size());
      Cursor = C.End;
    }
    ArrayRef<StringRef> Trailing(OldLines.begin() + Cursor,
                                 OldLines.begin() + HunkEnd);
    writeLines(BodyOS, ' ', Trailing);
    OldCount += Trailing.size();
    NewCount += Trailing.size();
    // Unified diff numbers a range by its first line, or the line before an
    // empty range.
    unsigned OldStart = OldCount ? HunkBegin + 1 : HunkBegin;
    unsigned NewStart = NewCount ? HunkBegin + 1 + Delta : HunkBegin + Delta;
    OS << "@@ -" << OldStart << "," << OldCount << " +" << NewStart << ","
       << NewCount << " @@\n"
       << Body;
    Delta += HunkDelta;
    First = Last + 1;
  }
}

} // namespace sctpify
