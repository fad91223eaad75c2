//===- LineFilter.h - clang-tidy's --line-filter ----------------*- C++ -*-===//
#ifndef SCTPIFY_ENGINE_LINEFILTER_H
#define SCTPIFY_ENGINE_LINEFILTER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sctpify {

/// Files and line ranges to report on, in clang-tidy's JSON:
/// `[{"name":"file.c","lines":[[1,3],[7,7]]},{"name":"other.h"}]`.
/// As in clang-tidy, an empty list filters nothing, and an entry without
/// "lines" allows the whole file.
class LineFilter {
public:
  static llvm::Expected<LineFilter> parse(llvm::StringRef JSON);

  /// A file matches an entry whose name is a suffix of its path at a path
  /// component boundary, as in clang-tidy.
  bool allows(llvm::StringRef Path, unsigned Line) const;

private:
  std::map<std::string, std::vector<std::pair<int64_t, int64_t>>> Files;
};

} // namespace sctpify

#endif
