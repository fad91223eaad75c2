//===- Runner.cpp ---------------------------------------------------------===//
#include "engine/Runner.h"
#include "engine/RuleMatcher.h"
#include "engine/TriggerScan.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
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
                   const std::vector<TUJob> &Jobs, const RunOptions &Options) {
  std::string Root =
      Options.SourceRoot.empty() ? "" : absolute(Options.SourceRoot, ".");
  // Compiled once per distinct configuration, not once per TU.
  std::map<const TUSettings *, std::optional<llvm::Regex>> HeaderFilters;
  std::map<const TUSettings *, Triggers> TriggersBySettings;
  SystemHeaderDirectives SystemHeaders;
  for (const TUJob &Job : Jobs) {
    auto &Filter = HeaderFilters[Job.Settings];
    if (Job.Settings->Effective.HeaderFilter)
      Filter.emplace(*Job.Settings->Effective.HeaderFilter);
    if (!TriggersBySettings.count(Job.Settings))
      TriggersBySettings[Job.Settings] = Triggers::of(Job.Settings->Rules);
  }

  std::vector<TUFindings> PerTU(Jobs.size());
  std::vector<bool> SkippedTU(Jobs.size());
  std::mutex Lock;
  unsigned Done = 0;
  auto RunOne = [&](size_t Index) {
    const TUJob &Job = Jobs[Index];
    std::vector<CompileCommand> Commands = Database.getCompileCommands(Job.File);
    std::string Main =
        absolute(Job.File, Commands.empty() ? "." : Commands.front().Directory);
    const std::optional<llvm::Regex> &HeaderFilter =
        HeaderFilters.at(Job.Settings);
    const TUSettings &Settings = *Job.Settings;
    FileScope Scope = [&, Main](llvm::StringRef Path) {
      if (Path != Main && Settings.excludes(Path))
        return false;
      return Path == Main || isUnder(Path, Root) ||
             (HeaderFilter && HeaderFilter->match(Path));
    };
    TUFindings &Out = PerTU[Index];
    Out.MainFile = Main;

    bool MayNeedPorting = true;
    if (Options.SkipUnrelated) {
      MayNeedPorting = false;
      ClangTool Scan(Database, {Job.File},
                     std::make_shared<PCHContainerOperations>(),
                     llvm::vfs::createPhysicalFileSystem());
      clang::IgnoringDiagConsumer Quiet;
      Scan.setDiagnosticConsumer(&Quiet);
      auto Factory = newTriggerScanFactory(TriggersBySettings.at(Job.Settings),
                                           SystemHeaders, MayNeedPorting);
      if (Scan.run(Factory.get()) != 0)
        MayNeedPorting = true;
    }
    if (MayNeedPorting) {
      // Each TU gets its own file system object so that concurrent TUs can
      // have different working directories, as in AllTUsToolExecutor.
      ClangTool Tool(Database, {Job.File},
                     std::make_shared<PCHContainerOperations>(),
                     llvm::vfs::createPhysicalFileSystem());
      ActionFactory Factory(Settings.Rules, Scope, Out);
      if (Tool.run(&Factory) != 0)
        Out.Failed = true;
    }
    std::lock_guard<std::mutex> Guard(Lock);
    SkippedTU[Index] = !MayNeedPorting;
    ++Done;
    if (Options.Progress)
      Options.Progress(Done, Jobs.size(), Job.File);
  };

  if (Options.Jobs == 1 || Jobs.size() <= 1) {
    for (size_t I = 0; I < Jobs.size(); ++I)
      RunOne(I);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Options.Jobs));
    for (size_t I = 0; I < Jobs.size(); ++I)
      Pool.async([&, I] { RunOne(I); });
    Pool.wait();
  }

  RunResult Result;
  std::vector<MacroUse> MacroUses;
  Result.TranslationUnits = Jobs.size();
  Result.Skipped = llvm::count(SkippedTU, true);
  for (TUFindings &TU : PerTU) {
    if (TU.Failed) {
      // A TU Clang could not parse says nothing reliable about any file.
      Result.FailedFiles.push_back(TU.MainFile);
      continue;
    }
    llvm::append_range(Result.Findings, TU.Findings);
    llvm::append_range(MacroUses, TU.MacroUses);
  }
  settleMacroUses(MacroUses, Result.Findings);
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
