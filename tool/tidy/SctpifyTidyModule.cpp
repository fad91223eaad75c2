//===- SctpifyTidyModule.cpp - sctpify's rules as clang-tidy checks -------===//
//
// `clang-tidy -load=libsctpifyTidyModule.so -checks='-*,sctp-*'` runs the
// rule table on each translation unit clang-tidy parses. Every built-in rule
// is a check of its own name, so -checks, NOLINT(sctp-...), -warnings-as-
// errors and .clang-tidy select and silence them as any other check.
//
// The engine looks at a whole TU at once (a descriptor's origin, the first
// port in a file), so the checks of one TU share one analysis: the first
// check that sees the TranslationUnitDecl runs it and emits every finding
// under its rule's name; clang-tidy then filters by -checks, NOLINT,
// --header-filter and --line-filter as usual. Findings are merged as
// sctpify merges one TU, so the headers and helpers a file needs ride on
// its first rewrite that clang-tidy will show.
//
//===----------------------------------------------------------------------===//
#include "engine/AnalysisEntry.h"
#include "engine/Config.h"
#include "engine/Merge.h"
#include "engine/Paths.h"
#include "tidy/NoLint.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/Regex.h"
#include <map>
#include <mutex>
#include <set>

using namespace clang;
using clang::tidy::ClangTidyContext;

namespace sctpify::tidy {
namespace {

/// What the sctp checks of one TU share: the include directives the engine
/// needs (recorded while preprocessing) and whether the analysis ran.
struct TUState {
  Preprocessor *PP = nullptr;
  const IncludeRecorder *Includes = nullptr;
  bool Analyzed = false;
};

/// One per process, shared by every check the module creates.
class Session {
public:
  /// The state of the TU PP preprocesses; the first check to ask creates it
  /// and adds the include recorder to PP.
  std::shared_ptr<TUState> join(Preprocessor *PP) {
    std::lock_guard<std::mutex> Guard(Lock);
    std::shared_ptr<TUState> State = Current.lock();
    if (!State || State->PP != PP) {
      State = std::make_shared<TUState>();
      State->PP = PP;
      auto Recorder = std::make_unique<IncludeRecorder>(PP->getSourceManager());
      State->Includes = Recorder.get();
      PP->addPPCallbacks(std::move(Recorder));
      Current = State;
    }
    return State;
  }

  void analyze(TUState &TU, ASTContext &Ctx, ClangTidyContext &Tidy);

private:
  const RuleTable *rulesFor(const TUSettings &Settings, ClangTidyContext &Tidy);

  std::mutex Lock;
  std::weak_ptr<TUState> Current;
  ConfigProvider Configs{Config()};
  std::map<std::pair<const TUSettings *, std::string>, std::unique_ptr<RuleTable>>
      Tables;
};

/// The rules of Settings that clang-tidy's -checks enables for this file.
const RuleTable *Session::rulesFor(const TUSettings &Settings,
                                   ClangTidyContext &Tidy) {
  std::string Enabled;
  for (const Rule &R : Settings.Rules.rules())
    if (Tidy.isCheckEnabled(R.Id))
      Enabled += (Enabled.empty() ? "" : ",") + R.Id;
  if (Enabled.empty())
    return nullptr;
  std::unique_ptr<RuleTable> &Table = Tables[{&Settings, Enabled}];
  if (!Table) {
    Table = std::make_unique<RuleTable>(Settings.Rules);
    Table->select(Enabled, "");
  }
  return Table.get();
}

/// The TU's FileID for a path a finding names, or an invalid one.
FileID fileOf(SourceManager &SM, llvm::StringRef Path) {
  if (auto Entry = SM.getFileManager().getOptionalFileRef(Path))
    return SM.translateFile(*Entry);
  return FileID();
}

/// Clang's renderer merges a diagnostic's fix-its and, where a pure
/// deletion starts a token, widens it over a neighbouring space; sctpify's
/// edit is exact. A deletion written as a replacement of one more byte by
/// that byte is applied as is, so the file ends up as `sctpify -i` leaves it.
FixItHint fixFor(SourceManager &SM, FileID FID, const tooling::Replacement &R,
                 const tooling::Replacements &Siblings) {
  SourceLocation Begin = SM.getComposedLoc(FID, R.getOffset());
  if (R.getLength() == 0)
    return FixItHint::CreateInsertion(Begin, R.getReplacementText());
  if (!R.getReplacementText().empty())
    return FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(Begin, Begin.getLocWithOffset(R.getLength())),
        R.getReplacementText());
  llvm::StringRef Text = SM.getBufferData(FID);
  unsigned Start = R.getOffset(), End = R.getOffset() + R.getLength();
  bool Touched = llvm::any_of(Siblings, [&](const tooling::Replacement &O) {
    return O.getOffset() + O.getLength() == Start;
  });
  if (Start > 0 && !Touched)
    --Start;
  else if (End < Text.size())
    ++End;
  std::string Kept = Start < R.getOffset() ? Text.substr(Start, 1).str()
                                           : Text.substr(End - 1, 1).str();
  return FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(SM.getComposedLoc(FID, Start),
                                    SM.getComposedLoc(FID, End)),
      Kept);
}

/// Whether clang-tidy's line filter keeps a diagnostic, by its own rule:
/// the first entry whose name ends the file's name decides.
bool passesLineFilter(const ClangTidyContext &Tidy, llvm::StringRef FileName,
                      unsigned Line) {
  const auto &Filters = Tidy.getGlobalOptions().LineFilter;
  if (Filters.empty())
    return true;
  for (const clang::tidy::FileFilter &Filter : Filters)
    if (FileName.ends_with(Filter.Name)) {
      if (Filter.LineRanges.empty())
        return true;
      return llvm::any_of(Filter.LineRanges, [&](const auto &Range) {
        return Range.first <= Line && Line <= Range.second;
      });
    }
  return false;
}

void Session::analyze(TUState &TU, ASTContext &Ctx, ClangTidyContext &Tidy) {
  SourceManager &SM = Ctx.getSourceManager();
  OptionalFileEntryRef MainEntry = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!MainEntry)
    return;
  llvm::StringRef Real = MainEntry->getFileEntry().tryGetRealPathName();
  std::string Main = normalizedPath(Real.empty() ? MainEntry->getName() : Real);

  const TUSettings *Settings = nullptr;
  const RuleTable *Rules = nullptr;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto Found = Configs.settingsFor(Main);
    if (!Found) {
      Tidy.configurationDiag("sctpify: " + llvm::toString(Found.takeError()));
      return;
    }
    Settings = *Found;
    if (Settings->excludes(Main))
      return;
    Rules = rulesFor(*Settings, Tidy);
  }
  if (!Rules)
    return;

  // Every header but the excluded ones: clang-tidy's --header-filter decides
  // what is shown, below, by its own rule.
  FileScope Scope = [&](llvm::StringRef Path) {
    return Path == Main || !Settings->excludes(Path);
  };
  TUResult Result;
  Result.MainFile = Main;
  analyzeParsedTU(Ctx, *TU.PP, *TU.Includes, *Rules, Scope, Result);
  if (Result.Failed)
    return; // clang-tidy shows the compiler's errors itself

  // What clang-tidy will drop stays out of the insertion plan, but is still
  // emitted, so that clang-tidy counts it as it counts any check's.
  const clang::tidy::ClangTidyOptions &Options = Tidy.getOptions();
  llvm::Regex HeaderFilter(Options.HeaderFilterRegex.value_or(""));
  llvm::Regex ExcludeHeaders(Options.ExcludeHeaderFilterRegex.value_or(""));
  NoLintCache NoLint;
  std::set<std::tuple<std::string, unsigned, std::string>> DroppedByTidy;
  for (Finding &F : Result.Findings) {
    FileID FID = fileOf(SM, F.filePath());
    if (F.Suppressed || FID.isInvalid())
      continue;
    llvm::StringRef Name = SM.getFileEntryRefForID(FID)->getName();
    bool Shown = FID == SM.getMainFileID() ||
                 (HeaderFilter.match(Name) && !ExcludeHeaders.match(Name));
    if (!Shown || !passesLineFilter(Tidy, Name, F.Line) ||
        NoLint.silences(F.filePath(), SM.getBufferData(FID), F.offset(),
                        F.ruleId())) {
      F.Suppressed = true;
      DroppedByTidy.insert({F.filePath(), F.offset(), F.ruleId()});
    }
  }

  std::vector<TUResult> One;
  One.push_back(std::move(Result));
  MergedRun Run = mergeResults(std::move(One), nullptr);
  for (const Finding &F : Run.Findings) {
    if (F.Suppressed &&
        !DroppedByTidy.count({F.filePath(), F.offset(), F.ruleId()}))
      continue; // NOSCTPIFY
    FileID FID = fileOf(SM, F.filePath());
    if (FID.isInvalid())
      continue;
    // An error-severity finding is a warning here: clang-tidy applies no
    // fix at all in a run with an error (without --fix-errors);
    // -warnings-as-errors=sctp-... makes it fail a build instead.
    auto Level = F.DiagLevel == tooling::Diagnostic::Remark
                     ? DiagnosticIDs::Remark
                     : DiagnosticIDs::Warning;
    SourceLocation Where = SM.getComposedLoc(FID, F.offset());
    {
      DiagnosticBuilder Diag = Tidy.diag(F.ruleId(), Where, "%0", Level)
                               << F.text();
      for (const auto &[File, Replacements] : F.Message.Fix) {
        FileID In = fileOf(SM, File);
        if (In.isInvalid())
          continue;
        for (const tooling::Replacement &R : Replacements)
          Diag << fixFor(SM, In, R, Replacements);
      }
    }
    // At the finding, unlike sctpify's report: clang-tidy takes a note
    // without a place for one from the command line, and shows the finding
    // it belongs to whatever --header-filter and --line-filter say.
    if (!F.note().empty())
      Tidy.diag(F.ruleId(), Where, "%0", DiagnosticIDs::Note) << F.note();
  }
}

class SctpCheck : public clang::tidy::ClangTidyCheck {
public:
  SctpCheck(llvm::StringRef Name, ClangTidyContext *Context,
            std::shared_ptr<Session> Shared)
      : ClangTidyCheck(Name, Context), Tidy(*Context),
        Shared(std::move(Shared)) {}

  void registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                           Preprocessor *) override {
    TU = Shared->join(PP);
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override {
    Finder->addMatcher(ast_matchers::translationUnitDecl(), this);
  }
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override {
    if (!TU || TU->Analyzed)
      return;
    TU->Analyzed = true;
    Shared->analyze(*TU, *Result.Context, Tidy);
  }

private:
  ClangTidyContext &Tidy;
  std::shared_ptr<Session> Shared;
  std::shared_ptr<TUState> TU;
};

class SctpifyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    auto Builtin = RuleTable::builtin();
    llvm::Error Invalid =
        Builtin ? Builtin->resolve() : Builtin.takeError();
    if (Invalid) {
      llvm::errs() << "sctpify module: " << llvm::toString(std::move(Invalid))
                   << "\n";
      return;
    }
    auto Shared = std::make_shared<Session>();
    for (const Rule &R : Builtin->rules())
      Factories.registerCheckFactory(
          R.Id, [Shared](llvm::StringRef Name, ClangTidyContext *Context) {
            return std::make_unique<SctpCheck>(Name, Context, Shared);
          });
  }
};

} // namespace

static clang::tidy::ClangTidyModuleRegistry::Add<SctpifyModule>
    Registration("sctpify-module", "sctpify: TCP socket code ported to SCTP");

} // namespace sctpify::tidy
