//===- Inputs.cpp ---------------------------------------------------------===//
#include "Inputs.h"
#include "CommandLine.h"
#include "engine/CompileCommands.h"
#include "engine/Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using clang::tooling::CompilationDatabase;

namespace sctpify {

Expected<Inputs> loadInputs(StringRef BuildPath, std::vector<std::string> Sources,
                            const CompilationDatabase *Fallback) {
  Inputs In;
  In.Files = std::move(Sources);
  if (BuildPath.empty()) {
    In.Database = Fallback;
    return In;
  }
  // A database that exists but does not load is named; a missing one is
  // the usual first-run slip, answered with the command that makes one.
  std::string Unreadable;
  for (std::string Dir = normalizedPath(BuildPath); !Dir.empty();
       Dir = sys::path::parent_path(Dir).str()) {
    std::string Message;
    if (auto DB = loadCompileCommands(Dir, Message)) {
      In.Owned = std::move(DB);
      In.DatabaseDir = Dir;
      break;
    }
    SmallString<256> JSON(Dir);
    sys::path::append(JSON, "compile_commands.json");
    if (Unreadable.empty() && sys::fs::exists(JSON))
      Unreadable = "'" + JSON.str().str() + "': " + StringRef(Message).trim().str();
  }
  if (!In.Owned && !Unreadable.empty())
    return createStringError("cannot read the compile database " + Unreadable);
  if (!In.Owned)
    return createStringError(
        "no compile_commands.json in '" + BuildPath +
        "' or above; make one with `cmake -S . -B " + shellQuote(BuildPath) +
        " -DCMAKE_EXPORT_COMPILE_COMMANDS=ON` (or `bear -- make` for a build "
        "that is not CMake's)");
  In.Database = In.Owned.get();
  // `-p dir` alone means every file in the database, as in run-clang-tidy.
  if (In.Files.empty())
    In.Files = In.Owned->getAllFiles();
  return In;
}

Error keepShard(std::vector<std::string> &Files, StringRef Spec) {
  auto [IText, NText] = Spec.split('/');
  unsigned I = 0, N = 0;
  if (IText.getAsInteger(10, I) || NText.getAsInteger(10, N) || N == 0 ||
      I == 0 || I > N)
    return createStringError(inconvertibleErrorCode(),
                             "--shard takes I/N with 1 <= I <= N, e.g. 2/8");
  // Deterministic whatever order the database lists files in.
  llvm::sort(Files);
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  std::vector<std::string> Mine;
  for (size_t K = 0; K < Files.size(); ++K)
    if (K % N == I - 1)
      Mine.push_back(Files[K]);
  Files = std::move(Mine);
  return Error::success();
}

std::optional<std::string> resolveSource(const CompilationDatabase &Database,
                                         StringRef File) {
  if (sys::fs::exists(File))
    return normalizedPath(File);
  for (const auto &Command : Database.getCompileCommands(File)) {
    std::string Path = normalizedPath(Command.Filename, Command.Directory);
    if (sys::fs::exists(Path))
      return Path;
  }
  return std::nullopt;
}

/// The deepest directory holding every path.
static std::string commonAncestor(const std::vector<std::string> &Paths) {
  if (Paths.empty())
    return "";
  std::string Common = Paths.front();
  for (StringRef P : Paths)
    while (!Common.empty() && !isUnder(P, Common))
      Common = sys::path::parent_path(Common).str();
  return Common;
}

std::string projectRoot(const std::vector<std::string> &MainFiles,
                        StringRef DatabaseDir, std::string &Reason) {
  if (DatabaseDir.empty() || MainFiles.empty()) {
    SmallString<256> Here;
    sys::fs::current_path(Here);
    Reason = "the current directory";
    return normalizedPath(Here);
  }
  std::vector<std::string> Dirs;
  for (const std::string &File : MainFiles)
    Dirs.push_back(sys::path::parent_path(File).str());
  std::string Sources = commonAncestor(Dirs);
  for (std::string Dir = Sources; !Dir.empty() && Dir != "/";
       Dir = sys::path::parent_path(Dir).str()) {
    SmallString<256> Git(Dir);
    sys::path::append(Git, ".git");
    if (sys::fs::exists(Git)) {
      Reason = "the git work tree holding the compile database's files";
      return Dir;
    }
  }
  Dirs.push_back(normalizedPath(DatabaseDir));
  std::string Both = commonAncestor(Dirs);
  if (Both.empty() || Both == "/") {
    Reason = "the directory holding the compile database's files";
    return Sources;
  }
  Reason = "the directory holding the compile database and its files";
  return Both;
}

std::optional<std::string> ownOptionAfterDashDash(int argc, const char **argv) {
  auto &Registered = cl::getRegisteredOptions();
  bool AfterDashDash = false;
  for (int I = 1; I < argc; ++I) {
    StringRef Arg = argv[I];
    if (!AfterDashDash) {
      AfterDashDash = Arg == "--";
      continue;
    }
    if (!Arg.starts_with("-"))
      continue;
    StringRef Name = Arg.ltrim('-').split('=').first;
    auto It = Registered.find(Name);
    // Compiler flags clang also takes under that name (-p? no; -i is not a
    // clang flag) are told apart by category: only sctpify's own count.
    if (It != Registered.end() && !It->second->Categories.empty() &&
        It->second->Categories.front()->getName() == "sctpify options")
      return Arg.str();
  }
  return std::nullopt;
}

} // namespace sctpify
