//===- LineFilter.cpp -----------------------------------------------------===//
#include "engine/LineFilter.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <limits>

using namespace llvm;

namespace sctpify {

static Error bad(const Twine &What) {
  return createStringError(inconvertibleErrorCode(), "%s", What.str().c_str());
}

Expected<LineFilter> LineFilter::parse(StringRef Text) {
  LineFilter Filter;
  Expected<json::Value> Parsed = json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  const json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return bad("--line-filter must be a JSON array");
  for (const json::Value &Entry : *Entries) {
    const json::Object *O = Entry.getAsObject();
    std::optional<StringRef> Name = O ? O->getString("name") : std::nullopt;
    if (!Name)
      return bad("--line-filter entries need a \"name\"");
    auto &Ranges = Filter.Files[Name->str()];
    const json::Array *Lines = O->getArray("lines");
    if (!Lines) {
      Ranges.emplace_back(1, std::numeric_limits<int64_t>::max());
      continue;
    }
    for (const json::Value &Range : *Lines) {
      const json::Array *Pair = Range.getAsArray();
      if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsInteger() ||
          !(*Pair)[1].getAsInteger())
        return bad("--line-filter ranges are [first, last]");
      Ranges.emplace_back(*(*Pair)[0].getAsInteger(),
                          *(*Pair)[1].getAsInteger());
    }
  }
  return Filter;
}

bool LineFilter::allows(StringRef Path, unsigned Line) const {
  if (Files.empty())
    return true;
  for (const auto &[Name, Ranges] : Files) {
    StringRef N = Name;
    N.consume_front("./");
    if (!Path.ends_with(N) ||
        (Path.size() > N.size() && Path[Path.size() - N.size() - 1] != '/' &&
         !sys::path::is_absolute(N)))
      continue;
    for (const auto &[First, Last] : Ranges)
      if (First <= Line && Line <= Last)
        return true;
  }
  return false;
}

} // namespace sctpify
