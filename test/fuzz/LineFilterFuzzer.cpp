//===- LineFilterFuzzer.cpp - libFuzzer target: --line-filter JSON --------===//
//
// `--line-filter` comes from scripts (sctpify-diff, editors) and from users'
// fingers; LineFilter::parse must turn any text into a filter or an error.
// A filter that parses is queried at the line numbers that stress its range
// arithmetic (0, 1, the int64 ends clamped to unsigned).
//
//===----------------------------------------------------------------------===//
#include "engine/LineFilter.h"
#include <cstddef>
#include <cstdint>
#include <limits>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef JSON(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<sctpify::LineFilter> Filter = sctpify::LineFilter::parse(JSON);
  if (!Filter) {
    llvm::consumeError(Filter.takeError());
    return 0;
  }
  for (llvm::StringRef Path : {"/p/file.c", "file.c", "/p/dir/other.h", ""})
    for (unsigned Line : {0u, 1u, 7u, std::numeric_limits<unsigned>::max()})
      (void)Filter->allows(Path, Line);
  return 0;
}
