//===- ApplyFixes.h - Apply exported fixes, refusing stale ones -*- C++ -*-===//
#ifndef SCTPIFY_APPLYFIXES_H
#define SCTPIFY_APPLYFIXES_H

#include "engine/Merge.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace sctpify {

/// The comment lines `--export-fixes` writes before the YAML: the contents
/// each fix was computed against (xxh3-64 of the file), one file per line.
/// clang-apply-replacements reads past them; `--apply-fixes` checks them.
void writeContentHashes(llvm::raw_ostream &OS, const EditMap &Edits);

/// `sctpify --apply-fixes=PATH`: every fixes YAML in PATH (a file, or a
/// directory as clang-apply-replacements takes), merged with identical edits
/// applied once, each file written as -i writes it. A file whose contents
/// no longer hash to what its fixes were computed against, or whose fixes
/// carry no hash, is refused (the offsets would land in the wrong place).
/// Errors name each file; the other files are still written.
llvm::Error applyExportedFixes(llvm::StringRef Path, unsigned &FilesChanged,
                               std::vector<std::string> &Warnings);

/// The whole `--apply-fixes=PATH` run: applies the fixes, warns about
/// stray temporaries next to the files they edit, prints each error and
/// (unless Quiet) how many files changed; the exit status, 0 or 2.
int runApplyFixes(llvm::StringRef Path, bool Quiet);

} // namespace sctpify

#endif
