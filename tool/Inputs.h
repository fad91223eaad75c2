//===- Inputs.h - What a run works on ---------------------------*- C++ -*-===//
//
// The compile database, the translation units, and the project root that
// decides which headers sctpify may edit — derived from the command line the
// way clang-tidy and run-clang-tidy users expect.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_INPUTS_H
#define SCTPIFY_INPUTS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sctpify {

struct Inputs {
  std::unique_ptr<clang::tooling::CompilationDatabase> Owned;
  const clang::tooling::CompilationDatabase *Database = nullptr;
  std::string DatabaseDir; ///< where compile_commands.json is, if one was used
  std::vector<std::string> Files; ///< as given, or as the database lists them
};

/// With `-p BuildPath`: the nearest compile_commands.json (or
/// compile_flags.txt) in BuildPath or above, with relative "directory"
/// entries resolved against its folder; its files when Sources is empty.
/// Without: Fallback (CommonOptionsParser's database, from `--` or found
/// next to the first source; null when there is no source) and Sources.
llvm::Expected<Inputs> loadInputs(llvm::StringRef BuildPath,
                                  std::vector<std::string> Sources,
                                  const clang::tooling::CompilationDatabase *Fallback);

/// `--shard=I/N`: every N-th file of the sorted, de-duplicated list,
/// starting at the I-th (1-based). Errors: a malformed I/N.
llvm::Error keepShard(std::vector<std::string> &Files, llvm::StringRef Spec);

/// The absolute path of File as its compile command sees it.
std::optional<std::string>
resolveSource(const clang::tooling::CompilationDatabase &Database,
              llvm::StringRef File);

/// The project root when --source-root is not given: with a compile
/// database, the git work tree (nearest `.git` above) that holds every main
/// file, else the deepest directory that holds them and the database; without
/// one, the current directory. Reason says which.
std::string projectRoot(const std::vector<std::string> &MainFiles,
                        llvm::StringRef DatabaseDir, std::string &Reason);

/// The first argument after `--` that is one of sctpify's own options
/// (`--check` there goes to the compiler, which rejects it).
std::optional<std::string> ownOptionAfterDashDash(int argc, const char **argv);

} // namespace sctpify

#endif
