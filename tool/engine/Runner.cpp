//===- Runner.cpp ---------------------------------------------------------===//
#include "engine/Runner.h"
#include "engine/Analysis.h"
#include "engine/Paths.h"
#include "engine/TriggerScan.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
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
  ActionFactory(const TUSettings &Settings, FileScope Scope, TUResult &Out)
      : Settings(Settings), Scope(std::move(Scope)), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return createFindingsAction(Settings.Rules, Scope, Out,
                                &Settings.KeepLastIncludes);
  }

private:
  const TUSettings &Settings;
  FileScope Scope;
  TUResult &Out;
};

/// Clang's diagnostics for one TU, printed the way clang prints them but
/// kept until the TU is done, and counted: any error fails the TU, whether
/// the driver, the preprocessor or the parser reported it.
class CapturedDiagnostics : public clang::DiagnosticConsumer {
public:
  explicit CapturedDiagnostics(bool Color) : OS(Text) {
    auto Options = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
    Options->ShowColors = Color;
    Printer = std::make_unique<clang::TextDiagnosticPrinter>(OS, Options.get());
  }
  void BeginSourceFile(const clang::LangOptions &LO,
                       const clang::Preprocessor *PP) override {
    Printer->BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Printer->EndSourceFile(); }
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    Printer->HandleDiagnostic(Level, Info);
  }
  std::string take() {
    OS.flush();
    return std::move(Text);
  }

private:
  std::string Text;
  llvm::raw_string_ostream OS;
  std::unique_ptr<clang::TextDiagnosticPrinter> Printer;
};

/// Why File cannot be a TU's main file, if it cannot.
std::optional<std::string> unreadable(llvm::StringRef File) {
  if (llvm::sys::fs::is_directory(File))
    return "it is a directory";
  auto Opened = llvm::sys::fs::openNativeFileForRead(File);
  if (!Opened)
    return llvm::toString(Opened.takeError());
  llvm::sys::fs::closeFile(*Opened);
  return std::nullopt;
}

} // namespace

RunOutput runRules(const CompilationDatabase &Database,
                   const std::vector<TUJob> &Jobs, const RunOptions &Options) {
  std::string Root =
      Options.SourceRoot.empty() ? "" : normalizedPath(Options.SourceRoot);
  // Compiled once per distinct configuration, not once per TU.
  std::map<const TUSettings *, std::optional<llvm::Regex>> HeaderFilters;
  std::map<const TUSettings *, Triggers> TriggersBySettings;
  ScanFiles SharedScanFiles; // the scans' file cache (TriggerScan.h)
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

    // A file clang cannot read is a failure, never "nothing to port".
    if (std::optional<std::string> Why = unreadable(Main)) {
      Out.Failed = true;
      Out.CompilerDiagnostics = "error: cannot read '" + Main + "': " + *Why + "\n";
    }
    bool MayNeedPorting = !Out.Failed;
    if (MayNeedPorting && Options.SkipUnrelated) {
      MayNeedPorting = false;
      llvm::IntrusiveRefCntPtr<
          clang::tooling::dependencies::DependencyScanningWorkerFilesystem>
          Files;
      ClangTool Scan(Database, {Job.File},
                     std::make_shared<PCHContainerOperations>(),
                     SharedScanFiles.forOneScan(
                         Commands.empty() ? Job.File : Commands.front().Filename,
                         Commands.empty() ? "" : Commands.front().Directory,
                         Files));
      if (Options.Adjust)
        Scan.appendArgumentsAdjuster(Options.Adjust);
      // Counts errors and prints nothing. The driver's errors (an unknown
      // flag) go to this consumer through an engine of their own, which the
      // scan action cannot see.
      clang::DiagnosticConsumer Quiet;
      Scan.setDiagnosticConsumer(&Quiet);
      Scan.setPrintErrorMessage(false);
      auto Factory = newTriggerScanFactory(TriggersBySettings.at(Job.Settings),
                                           *Files, MayNeedPorting);
      // A TU whose command line or preprocessing has an error gets the full
      // parse, which reports it and fails the TU, trigger or not; one with
      // no trigger is not parsed.
      if (Scan.run(Factory.get()) != 0 || Quiet.getNumErrors() > 0)
        MayNeedPorting = true;
    }
    if (MayNeedPorting) {
      // Each TU gets its own file system object so that concurrent TUs can
      // have different working directories, as in AllTUsToolExecutor.
      ClangTool Tool(Database, {Job.File},
                     std::make_shared<PCHContainerOperations>(),
                     llvm::vfs::createPhysicalFileSystem());
      if (Options.Adjust)
        Tool.appendArgumentsAdjuster(Options.Adjust);
      CapturedDiagnostics Diagnostics(Options.Color);
      Tool.setDiagnosticConsumer(&Diagnostics);
      Tool.setPrintErrorMessage(false);
      ActionFactory Factory(Settings, Scope, Out);
      if (Tool.run(&Factory) != 0 || Diagnostics.getNumErrors() > 0)
        Out.Failed = true;
      Out.CompilerDiagnostics = Diagnostics.take();
    }
    std::lock_guard<std::mutex> Guard(Lock);
    SkippedTU[Index] = !MayNeedPorting && !Out.Failed;
    ++Done;
    if (Options.Completed)
      Options.Completed(Done, Jobs.size(), Out);
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
