//===- Suppression.cpp ----------------------------------------------------===//
#include "engine/Suppression.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "clang-tidy/GlobList.h"
#include <algorithm>
#include <optional>

using namespace llvm;

namespace sctpify {

/// The "(list)" after a marker at Rest, or nullopt for a bare marker;
/// false in Valid when Rest continues the name (NOSCTPIFYBEGINX).
static std::optional<StringRef> markerList(StringRef Rest, bool &Valid) {
  Valid = Rest.empty() || !(isAlnum(Rest.front()) || Rest.front() == '_');
  if (!Valid || !Rest.consume_front("("))
    return std::nullopt;
  return Rest.take_until([](char C) { return C == ')'; }).trim();
}

/// Whether Line carries Marker, either bare or with a list naming RuleId.
static bool lineSuppresses(StringRef Line, StringRef Marker, StringRef RuleId) {
  for (size_t Pos = Line.find(Marker); Pos != StringRef::npos;
       Pos = Line.find(Marker, Pos + 1)) {
    // NOSCTPIFY must not also match the start of NOSCTPIFYNEXTLINE.
    bool Valid;
    std::optional<StringRef> List =
        markerList(Line.substr(Pos + Marker.size()), Valid);
    if (!Valid)
      continue;
    // The list is a clang-tidy glob list, as in NOLINT(...).
    if (!List || clang::tidy::GlobList(*List).contains(RuleId))
      return true;
  }
  return false;
}

SuppressionBlocks::SuppressionBlocks(StringRef Text) {
  struct Open {
    unsigned Offset;
    std::optional<StringRef> List;
  };
  std::vector<Open> Opened;
  const StringRef Begin = "NOSCTPIFYBEGIN", End = "NOSCTPIFYEND";
  for (size_t Pos = Text.find("NOSCTPIFY"); Pos != StringRef::npos;
       Pos = Text.find("NOSCTPIFY", Pos + 1)) {
    StringRef At = Text.substr(Pos);
    bool IsBegin = At.starts_with(Begin), IsEnd = At.starts_with(End);
    if (!IsBegin && !IsEnd)
      continue;
    bool Valid;
    std::optional<StringRef> List =
        markerList(At.substr((IsBegin ? Begin : End).size()), Valid);
    if (!Valid)
      continue;
    if (IsBegin) {
      Opened.push_back({unsigned(Pos), List});
      continue;
    }
    // As clang-tidy: an END closes the latest BEGIN with the same list.
    auto Match = std::find_if(Opened.rbegin(), Opened.rend(),
                              [&](const Open &O) { return O.List == List; });
    if (Match == Opened.rend()) {
      Stray.push_back({unsigned(Pos), "unmatched 'NOSCTPIFYEND' comment "
                                      "without a previous 'NOSCTPIFYBEGIN' "
                                      "comment"});
      continue;
    }
    Blocks.push_back({Match->Offset, unsigned(Pos),
                      Match->List.value_or("").str(), !Match->List});
    Opened.erase(std::next(Match).base());
  }
  for (const Open &O : Opened)
    Stray.push_back({O.Offset, "unmatched 'NOSCTPIFYBEGIN' comment without a "
                               "subsequent 'NOSCTPIFYEND' comment"});
}

bool SuppressionBlocks::covers(unsigned Offset, StringRef RuleId) const {
  return llvm::any_of(Blocks, [&](const Block &B) {
    return B.Begin <= Offset && Offset <= B.End &&
           (B.All || clang::tidy::GlobList(B.List).contains(RuleId));
  });
}

bool isSuppressed(StringRef Text, unsigned Offset, StringRef RuleId,
                  const SuppressionBlocks *Blocks) {
  if (Offset > Text.size())
    return false;
  if (Blocks && Blocks->covers(Offset, RuleId))
    return true;
  size_t LineStart = Text.rfind('\n', Offset);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  size_t LineEnd = Text.find('\n', Offset);
  StringRef Line = Text.slice(LineStart, LineEnd);
  if (lineSuppresses(Line, "NOSCTPIFY", RuleId))
    return true;
  if (LineStart == 0)
    return false;
  size_t PrevStart = Text.rfind('\n', LineStart - 1);
  PrevStart = PrevStart == StringRef::npos ? 0 : PrevStart + 1;
  StringRef Previous = Text.slice(PrevStart, LineStart - 1);
  return lineSuppresses(Previous, "NOSCTPIFYNEXTLINE", RuleId);
}

} // namespace sctpify
