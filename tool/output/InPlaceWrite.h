//===- InPlaceWrite.h - Replace a file's contents, keep the file -*- C++ -*-===//
//
// `-i` writes the new text to a temporary file in the same directory and
// renames it over the original, so a reader sees the old file or the new one,
// never half. A rename replaces the directory entry, not the file, so what
// belongs to the file is carried over first, and what cannot be is refused
// rather than lost:
// - the caller must be able to write the file in place: a read-only file
//   (no write bit for the caller's class) is refused, even for root;
// - owner and group are kept; a file the caller does not own, and could not
//   give back to its owner, is refused;
// - mode, and extended attributes (POSIX ACLs are the `system.posix_acl_*`
//   ones) are copied; one the caller may not set is reported;
// - a file with several hard links is refused: renaming would leave the
//   other names with the old text;
// - the temporary file is removed if the run is interrupted (SIGINT,
//   SIGTERM: llvm::sys::fs::TempFile registers it), and a later run warns
//   about temporaries a killed one left (warnStrayTemporaries, Outputs.h).
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_OUTPUT_INPLACEWRITE_H
#define SCTPIFY_OUTPUT_INPLACEWRITE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include <string>
#include <vector>

namespace sctpify {

/// Replaces Path's contents with Contents as described above. Errors name
/// Path (EACCES-like refusals, EMLINK for hard links, ENOSPC/EFBIG from the
/// write); Path is unchanged whenever an error is returned. Warnings (an
/// attribute that could not be carried over) are appended to Warnings.
llvm::Error replaceFileContents(llvm::StringRef Path, llvm::StringRef Contents,
                                std::vector<std::string> &Warnings);

/// A new temporary file `NAME.sctpify-XXXXXX` next to Path, removed by LLVM
/// if the run is interrupted. TempFile::create makes the file first and
/// registers it for removal after, so an interrupt in between would leave
/// it behind: the signals LLVM's handler acts on (SIGHUP, SIGINT, SIGQUIT,
/// SIGTERM, SIGUSR2; llvm/lib/Support/Unix/Signals.inc) are held back for
/// that moment. Called from the only thread left when files are written.
llvm::Expected<llvm::sys::fs::TempFile> createTemporaryFor(llvm::StringRef Path);

} // namespace sctpify

#endif
