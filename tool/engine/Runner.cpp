//===- Runner.cpp ---------------------------------------------------------===//
#include "engine/Runner.h"
#include "engine/RuleMatcher.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringSet.h"
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

/// Preprocesses a TU and looks for any identifier a rule matches on, spelled
/// or expanded outside system headers. Every call, type or member the AST
/// walk can match produces such a token, so a TU without one has nothing to
/// port and need not be parsed.
class TriggerScanAction : public clang::PreprocessorFrontendAction {
public:
  TriggerScanAction(const llvm::StringSet<> &Triggers, bool &Found)
      : Triggers(Triggers), Found(Found) {}

  void ExecuteAction() override {
    Preprocessor &PP = getCompilerInstance().getPreprocessor();
    SourceManager &SM = PP.getSourceManager();
    PP.EnterMainSourceFile();
    Token Tok;
    do {
      PP.Lex(Tok);
      if (Tok.is(tok::identifier) &&
          Triggers.contains(Tok.getIdentifierInfo()->getName()) &&
          !SM.isInSystemHeader(SM.getExpansionLoc(Tok.getLocation()))) {
        Found = true;
        return;
      }
    } while (Tok.isNot(tok::eof));
  }
  void EndSourceFileAction() override {
    // Let the full parse report what went wrong, once.
    if (getCompilerInstance().getDiagnostics().hasErrorOccurred())
      Found = true;
  }

private:
  const llvm::StringSet<> &Triggers;
  bool &Found;
};

class ScanFactory : public FrontendActionFactory {
public:
  ScanFactory(const llvm::StringSet<> &Triggers, bool &Found)
      : Triggers(Triggers), Found(Found) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<TriggerScanAction>(Triggers, Found);
  }

private:
  const llvm::StringSet<> &Triggers;
  bool &Found;
};

llvm::StringSet<> triggersOf(const RuleTable &Rules) {
  llvm::StringSet<> Triggers;
  for (const Rule &R : Rules.rules()) {
    for (const std::string &Call : R.Calls)
      Triggers.insert(Call);
    if (!R.Type.empty()) // the last component of a qualified name
      Triggers.insert(llvm::StringRef(R.Type).rsplit("::").second.empty()
                          ? llvm::StringRef(R.Type)
                          : llvm::StringRef(R.Type).rsplit("::").second);
    if (R.Compare)
      Triggers.insert(R.Compare->Member);
  }
  return Triggers;
}

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
  std::map<const TUSettings *, llvm::StringSet<>> Triggers;
  for (const TUJob &Job : Jobs) {
    auto &Filter = HeaderFilters[Job.Settings];
    if (Job.Settings->Effective.HeaderFilter)
      Filter.emplace(*Job.Settings->Effective.HeaderFilter);
    if (!Triggers.count(Job.Settings))
      Triggers[Job.Settings] = triggersOf(Job.Settings->Rules);
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
      ScanFactory Factory(Triggers.at(Job.Settings), MayNeedPorting);
      if (Scan.run(&Factory) != 0)
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
