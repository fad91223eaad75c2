//===- Suppression.cpp ----------------------------------------------------===//
#include "engine/Suppression.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "clang-tidy/GlobList.h"

using namespace llvm;

namespace sctpify {

/// Whether Line carries Marker, either bare or with a list naming RuleId.
static bool lineSuppresses(StringRef Line, StringRef Marker, StringRef RuleId) {
  for (size_t Pos = Line.find(Marker); Pos != StringRef::npos;
       Pos = Line.find(Marker, Pos + 1)) {
    StringRef Rest = Line.substr(Pos + Marker.size());
    // NOSCTPIFY must not also match the start of NOSCTPIFYNEXTLINE.
    if (!Rest.empty() && (isAlnum(Rest.front()) || Rest.front() == '_'))
      continue;
    if (!Rest.consume_front("("))
      return true;
    // The list is a clang-tidy glob list, as in NOLINT(...).
    StringRef List = Rest.take_until([](char C) { return C == ')'; });
    if (clang::tidy::GlobList(List.trim()).contains(RuleId))
      return true;
  }
  return false;
}

bool isSuppressed(StringRef Text, unsigned Offset, StringRef RuleId) {
  if (Offset > Text.size())
    return false;
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
