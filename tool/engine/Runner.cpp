//===- Runner.cpp ---------------------------------------------------------===//
#include "engine/Runner.h"
#include "engine/Analysis.h"
#include "engine/Paths.h"
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
  ActionFactory(const RuleTable &Rules, FileScope Scope, TUResult &Out)
      : Rules(Rules), Scope(std::move(Scope)), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return createFindingsAction(Rules, Scope, Out);
  }

private:
  const RuleTable &Rules;
  FileScope Scope;
  TUResult &Out;
};

} // namespace

RunOutput runRules(const CompilationDatabase &Database,
                   const std::vector<TUJob> &Jobs, const RunOptions &Options) {
  std::string Root =
      Options.SourceRoot.empty() ? "" : normalizedPath(Options.SourceRoot);
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

  RunOutput Output;
  Output.TUs.resize(Jobs.size());
  std::vector<bool> SkippedTU(Jobs.size());
  std::mutex Lock;
  unsigned Done = 0;
  auto RunOne = [&](size_t Index) {
    const TUJob &Job = Jobs[Index];
    std::vector<CompileCommand> Commands = Database.getCompileCommands(Job.File);
    std::string Main = normalizedPath(
        Job.File, Commands.empty() ? "" : Commands.front().Directory);
    const std::optional<llvm::Regex> &HeaderFilter =
        HeaderFilters.at(Job.Settings);
    const TUSettings &Settings = *Job.Settings;
    FileScope Scope = [&, Main](llvm::StringRef Path) {
      if (Path != Main && Settings.excludes(Path))
        return false;
      return Path == Main || isUnder(Path, Root) ||
             (HeaderFilter && HeaderFilter->match(Path));
    };
    TUResult &Out = Output.TUs[Index];
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

  Output.Skipped = llvm::count(SkippedTU, true);
  return Output;
}

} // namespace sctpify
