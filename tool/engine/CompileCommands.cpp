//===- CompileCommands.cpp ------------------------------------------------===//
#include "engine/CompileCommands.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Driver/Options.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>

using namespace clang;
using namespace clang::tooling;

namespace sctpify {

void DroppedFlags::add(llvm::StringRef Flag, llvm::StringRef File) {
  std::lock_guard<std::mutex> Guard(Lock);
  Flags.try_emplace(Flag.str(), File.str());
}

std::vector<std::pair<std::string, std::string>> DroppedFlags::list() const {
  std::lock_guard<std::mutex> Guard(Lock);
  return {Flags.begin(), Flags.end()};
}

/// Whether `-W<Name>` names a warning group clang has (`no-`, `error=` and
/// `no-error=` prefixes allowed).
static bool knownWarning(llvm::StringRef Name) {
  Name.consume_front("no-");
  if (!Name.consume_front("error="))
    Name.consume_front("no-error=");
  if (Name.empty() || Name == "error" || Name == "all" || Name == "everything" ||
      Name == "extra" || Name.starts_with("l,") || Name.starts_with("a,") ||
      Name.starts_with("p,"))
    return true;
  return DiagnosticIDs::getGroupForWarningOption(Name).has_value();
}

ArgumentsAdjuster dropUnknownFlags(DroppedFlags &Dropped) {
  return [&Dropped](const CommandLineArguments &Args, llvm::StringRef File) {
    if (Args.empty())
      return Args;
    // The driver's own table decides what clang knows, so nothing here goes
    // stale when clang learns a flag.
    const llvm::opt::OptTable &Table = driver::getDriverOptTable();
    std::vector<const char *> Argv;
    for (size_t I = 1; I < Args.size(); ++I)
      Argv.push_back(Args[I].c_str());
    unsigned MissingIndex = 0, MissingCount = 0;
    llvm::opt::InputArgList Parsed =
        Table.ParseArgs(Argv, MissingIndex, MissingCount);
    std::set<unsigned> Unknown;
    for (const llvm::opt::Arg *A : Parsed) {
      const llvm::opt::Option &O = A->getOption();
      // Unknown flags; gcc optimisation flags clang accepts only to warn
      // that it ignores them; -W names of warnings clang does not have.
      if (O.matches(driver::options::OPT_UNKNOWN) ||
          O.matches(driver::options::OPT_clang_ignored_gcc_optimization_f_Group) ||
          (O.matches(driver::options::OPT_W_Joined) && !knownWarning(A->getValue())))
        Unknown.insert(A->getIndex());
    }
    if (Unknown.empty())
      return Args;
    CommandLineArguments Kept{Args.front()};
    for (size_t I = 1; I < Args.size(); ++I) {
      if (Unknown.count(I - 1)) {
        Dropped.add(Args[I], File);
        continue;
      }
      Kept.push_back(Args[I]);
    }
    return Kept;
  };
}

namespace {
/// A database whose commands all have absolute directories and file names,
/// indexed by that absolute file name.
class AbsoluteDirectories : public CompilationDatabase {
public:
  AbsoluteDirectories(const CompilationDatabase &Inner, llvm::StringRef Dir) {
    for (CompileCommand C : Inner.getAllCompileCommands()) {
      C.Directory = absolute(C.Directory, Dir);
      C.Filename = absolute(C.Filename, C.Directory);
      if (!ByFile.count(C.Filename))
        Files.push_back(C.Filename);
      ByFile[C.Filename].push_back(std::move(C));
    }
  }

  std::vector<CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override {
    llvm::SmallString<256> Abs(FilePath);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    auto It = ByFile.find(std::string(Abs));
    return It == ByFile.end() ? std::vector<CompileCommand>() : It->second;
  }
  std::vector<std::string> getAllFiles() const override { return Files; }
  std::vector<CompileCommand> getAllCompileCommands() const override {
    std::vector<CompileCommand> All;
    for (const std::string &File : Files)
      llvm::append_range(All, ByFile.at(File));
    return All;
  }

private:
  static std::string absolute(llvm::StringRef Path, llvm::StringRef Base) {
    llvm::SmallString<256> Abs(Path);
    if (!llvm::sys::path::is_absolute(Abs)) {
      Abs = Base;
      llvm::sys::path::append(Abs, Path);
    }
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return std::string(Abs);
  }

  std::map<std::string, std::vector<CompileCommand>> ByFile;
  std::vector<std::string> Files;
};
} // namespace

std::unique_ptr<CompilationDatabase>
withAbsoluteDirectories(std::unique_ptr<CompilationDatabase> DB,
                        llvm::StringRef DatabaseDir) {
  llvm::SmallString<256> Dir(DatabaseDir);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, true);
  return std::make_unique<AbsoluteDirectories>(*DB, Dir);
}

std::unique_ptr<CompilationDatabase> loadCompileCommands(llvm::StringRef Dir,
                                                         std::string &Message) {
  llvm::SmallString<256> JSON(Dir);
  llvm::sys::path::append(JSON, "compile_commands.json");
  if (!llvm::sys::fs::exists(JSON)) {
    // compile_flags.txt and other plugins: their directories are absolute.
    if (auto DB = CompilationDatabase::loadFromDirectory(Dir, Message))
      return withAbsoluteDirectories(std::move(DB), Dir);
    return nullptr;
  }
  auto Base = JSONCompilationDatabase::loadFromFile(
      JSON, Message, JSONCommandLineSyntax::AutoDetect);
  if (!Base)
    return nullptr;
  // The JSON plugin's own wrappers, with the directories made absolute
  // first; not inferMissingCompileCommands, since a file the database does
  // not list is an error here rather than a guess.
  return inferTargetAndDriverMode(
      expandResponseFiles(withAbsoluteDirectories(std::move(Base), Dir),
                          llvm::vfs::getRealFileSystem()));
}

} // namespace sctpify
