//===- Formatting.cpp -----------------------------------------------------===//
#include "engine/Formatting.h"
#include "clang/Format/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;
using clang::tooling::Range;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace sctpify {
namespace {

/// A line span [Begin, End) of the ported text, its newline excluded.
struct LineSpan {
  unsigned Begin, End;
};

/// The whole lines of NewCode that hold the port's edits.
std::vector<LineSpan> changedLines(StringRef NewCode, const Replacements &Port) {
  std::vector<LineSpan> Lines;
  for (const Range &R : Port.getAffectedRanges()) {
    unsigned B = R.getOffset(), E = R.getOffset() + R.getLength();
    size_t Begin = B == 0 ? 0 : NewCode.rfind('\n', B - 1) + 1;
    size_t End = NewCode.find('\n', E > B ? E - 1 : E);
    Lines.push_back({unsigned(Begin), unsigned(std::min(End, NewCode.size()))});
  }
  return Lines;
}

/// F without the text it keeps at either end, so that a whitespace
/// replacement that re-indents a line starts on that line rather than at
/// the previous line's newline.
Replacement narrowed(StringRef NewCode, const Replacement &F) {
  StringRef Old = NewCode.substr(F.getOffset(), F.getLength());
  StringRef New = F.getReplacementText();
  size_t Prefix = 0;
  while (Prefix < Old.size() && Prefix < New.size() && Old[Prefix] == New[Prefix])
    ++Prefix;
  size_t Suffix = 0;
  while (Suffix < Old.size() - Prefix && Suffix < New.size() - Prefix &&
         Old[Old.size() - 1 - Suffix] == New[New.size() - 1 - Suffix])
    ++Suffix;
  return Replacement(F.getFilePath(), F.getOffset() + Prefix,
                     Old.size() - Prefix - Suffix,
                     New.slice(Prefix, New.size() - Suffix));
}

/// The formatting of the lines the port changed, and of nothing else.
/// clang-format asked about a line also joins untouched neighbours to it
/// (a short function put on one line), and formatReplacements() sorts the
/// includes around one sctpify inserted where it had to go; neither is the
/// port's to change.
Expected<Replacements> formatChangedLines(StringRef File, StringRef Code,
                                          const Replacements &Port,
                                          const clang::format::FormatStyle &Style) {
  Expected<std::string> NewCode =
      clang::tooling::applyAllReplacements(Code, Port);
  if (!NewCode)
    return NewCode.takeError();
  std::vector<LineSpan> Lines = changedLines(*NewCode, Port);
  std::vector<Range> Ranges;
  for (const LineSpan &L : Lines)
    Ranges.emplace_back(L.Begin, L.End - L.Begin);
  Replacements Kept;
  for (const Replacement &F :
       clang::format::reformat(Style, *NewCode, Ranges, File)) {
    Replacement Change = narrowed(*NewCode, F);
    unsigned B = Change.getOffset(), E = B + Change.getLength();
    bool Inside = llvm::any_of(
        Lines, [&](const LineSpan &L) { return L.Begin <= B && E <= L.End; });
    if (!Inside)
      continue;
    if (Error Err = Kept.add(Change))
      return Err;
  }
  return Port.merge(Kept);
}

} // namespace

Error formatEdits(EditMap &Edits, std::vector<Finding> &Findings,
                  StringRef StyleSpec) {
  for (auto &[File, Edit] : Edits) {
    auto Buffer = MemoryBuffer::getFile(File, false, false);
    if (!Buffer || xxh3_64bits((*Buffer)->getBuffer()) != Edit.ContentHash)
      continue; // applying will report the file
    StringRef Code = (*Buffer)->getBuffer();
    Expected<clang::format::FormatStyle> Style =
        clang::format::getStyle(StyleSpec, File, /*FallbackStyle=*/"none",
                                Code);
    if (!Style)
      return createFileError(File, Style.takeError());
    if (Style->DisableFormat)
      continue;
    Expected<Replacements> Formatted =
        formatChangedLines(File, Code, Edit.Replacements, *Style);
    if (!Formatted)
      return createFileError(File, Formatted.takeError());
    Edit.Replacements = std::move(*Formatted);
    Finding *Owner = nullptr;
    for (Finding &F : Findings) {
      if (!F.Message.Fix.count(File))
        continue;
      if (!Owner && !F.Suppressed && F.rewrites())
        Owner = &F;
      F.Message.Fix.erase(File);
    }
    if (Owner)
      Owner->Message.Fix[File] = Edit.Replacements;
  }
  return Error::success();
}

} // namespace sctpify
