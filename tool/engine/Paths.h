//===- Paths.h - One spelling per file --------------------------*- C++ -*-===//
#ifndef SCTPIFY_ENGINE_PATHS_H
#define SCTPIFY_ENGINE_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace sctpify {

/// Path made absolute against Base (the current directory when empty),
/// with `.` and `..` removed and symbolic links resolved when the file
/// exists: the one spelling findings, edits and configuration agree on.
std::string normalizedPath(llvm::StringRef Path, llvm::StringRef Base = "");

/// Whether Path is Dir or lies under it (both normalized).
bool isUnder(llvm::StringRef Path, llvm::StringRef Dir);

/// Path relative to Dir when it lies under it, else Path unchanged.
llvm::StringRef relativeTo(llvm::StringRef Path, llvm::StringRef Dir);

} // namespace sctpify

#endif
