//===- Runner.cpp ---------------------------------------------------------===//
#include "engine/Runner.h"
#include "engine/RuleMatcher.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>
#include <mutex>

using namespace clang;
using namespace clang::tooling;

namespace sctpify {
namespace {

class ActionFactory : public FrontendActionFactory {
public:
  ActionFactory(const RuleTable &Rules, FileScope Scope, TUFindings &Out)
      : Rules(Rules), Scope(std::move(Scope)), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return createFindingsAction(Rules, Scope, Out);
  }

private:
  const RuleTable &Rules;
  FileScope Scope;
  TUFindings &Out;
};

bool isUnder(llvm::StringRef Path, llvm::StringRef Dir) {
  if (Dir.empty())
    return false;
  Dir = Dir.rtrim('/');
  return Path.starts_with(Dir) &&
         (Path.size() == Dir.size() || Path[Dir.size()] == '/');
}

std::string absolute(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Result(Path);
  if (!llvm::sys::path::is_absolute(Result))
    llvm::sys::fs::make_absolute(Directory, Result);
  llvm::sys::path::remove_dots(Result, true);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Result, Real))
    return std::string(Real);
  return std::string(Result);
}

} // namespace

RunResult runRules(const CompilationDatabase &Database,
                   const std::vector<std::string> &Files,
                   const RuleTable &Rules, const RunOptions &Options) {
  std::optional<llvm::Regex> HeaderFilter;
  if (!Options.HeaderFilter.empty())
    HeaderFilter.emplace(Options.HeaderFilter);
  std::string Root =
      Options.SourceRoot.empty() ? "" : absolute(Options.SourceRoot, ".");

  std::vector<TUFindings> PerTU(Files.size());
  std::mutex Lock;
  unsigned Done = 0;
  auto RunOne = [&](size_t Index) {
    const std::string &File = Files[Index];
    std::vector<CompileCommand> Commands = Database.getCompileCommands(File);
    std::string Main =
        absolute(File, Commands.empty() ? "." : Commands.front().Directory);
    FileScope Scope = [&, Main](llvm::StringRef Path) {
      return Path == Main || isUnder(Path, Root) ||
             (HeaderFilter && HeaderFilter->match(Path));
    };
    TUFindings &Out = PerTU[Index];
    Out.MainFile = Main;
    // Each TU gets its own file system object so that concurrent TUs can
    // have different working directories, as in AllTUsToolExecutor.
    ClangTool Tool(Database, {File}, std::make_shared<PCHContainerOperations>(),
                   llvm::vfs::createPhysicalFileSystem());
    ActionFactory Factory(Rules, Scope, Out);
    if (Tool.run(&Factory) != 0)
      Out.Failed = true;
    std::lock_guard<std::mutex> Guard(Lock);
    ++Done;
    if (Options.Progress)
      Options.Progress(Done, Files.size(), File);
  };

  if (Options.Jobs == 1 || Files.size() <= 1) {
    for (size_t I = 0; I < Files.size(); ++I)
      RunOne(I);
  } else {
    llvm::DefaultThreadPool Pool(
        llvm::hardware_concurrency(Options.Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] { RunOne(I); });
    Pool.wait();
  }

  RunResult Result;
  Result.TranslationUnits = Files.size();
  for (TUFindings &TU : PerTU) {
    if (TU.Failed) {
      // A TU Clang could not parse says nothing reliable about any file.
      Result.FailedFiles.push_back(TU.MainFile);
      continue;
    }
    llvm::append_range(Result.Findings, TU.Findings);
  }
  // A header seen by several TUs yields the same findings several times.
  llvm::sort(Result.Findings);
  Result.Findings.erase(std::unique(Result.Findings.begin(),
                                    Result.Findings.end(),
                                    [](const Finding &A, const Finding &B) {
                                      return A == B && A.Fixes == B.Fixes;
                                    }),
                        Result.Findings.end());
  // Two different edits of one finding (e.g. a header compiled two ways)
  // must not be merged silently.
  std::map<std::string, bool> Seen;
  for (size_t I = 1; I < Result.Findings.size(); ++I)
    if (Result.Findings[I] == Result.Findings[I - 1] &&
        !Seen[Result.Findings[I].FilePath]) {
      Seen[Result.Findings[I].FilePath] = true;
      Result.Conflicts.push_back(Result.Findings[I].FilePath);
    }
  return Result;
}

} // namespace sctpify
