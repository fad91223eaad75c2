//===- CompileCommands.h - Compile commands as clang takes them -*- C++ -*-===//
//
// Compile databases come from builds that ran gcc: they hold flags clang's
// driver does not know (`-mindirect-branch=thunk`, `-fconserve-stack`), which
// make it print "unknown argument" and carry on with a TU it was not asked to
// build. Like clangd, sctpify drops such flags before the parse, says so once
// per flag, and counts any TU clang still cannot parse as failed. A
// relative "directory" in compile_commands.json is resolved against the
// database's own folder, as newer LLVM does.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_COMPILECOMMANDS_H
#define SCTPIFY_ENGINE_COMPILECOMMANDS_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace sctpify {

/// Records which flags were dropped, for one note per flag at the end.
class DroppedFlags {
public:
  void add(llvm::StringRef Flag, llvm::StringRef File);
  /// Flag → the first file whose command had it.
  std::vector<std::pair<std::string, std::string>> list() const;

private:
  mutable std::mutex Lock;
  std::map<std::string, std::string> Flags;
};

/// An arguments adjuster that drops what clang's driver does not know.
clang::tooling::ArgumentsAdjuster dropUnknownFlags(DroppedFlags &Dropped);

/// Wraps a database so that each command's Directory is absolute, resolved
/// against DatabaseDir when it is relative ("." or "../build").
std::unique_ptr<clang::tooling::CompilationDatabase>
withAbsoluteDirectories(std::unique_ptr<clang::tooling::CompilationDatabase> DB,
                        llvm::StringRef DatabaseDir);

/// The compile database in Dir, as clang's loadFromDirectory finds it, but
/// with relative "directory" entries resolved against Dir before response
/// files (`@args.rsp`) are expanded against them: LLVM 19 expands first,
/// against the process's working directory. Null, with Message set, when Dir
/// has none.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompileCommands(llvm::StringRef Dir, std::string &Message);

} // namespace sctpify

#endif
