//===- ExampleCheck.cpp ---------------------------------------------------===//
#include "ExampleCheck.h"
#include "engine/Merge.h"
#include "engine/Runner.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace llvm;
using namespace clang;

namespace sctpify {
namespace {

constexpr StringRef Begin = "/* example begins */";
constexpr StringRef End = "/* example ends */";

/// One example file: prelude, declarations, then a function holding the
/// context and Body between markers.
std::string exampleFile(const RuleTable &Rules, const Example &Ex,
                        StringRef Body) {
  return (Rules.examplePrelude() + "\n" + Ex.Declarations +
          "\nvoid sctpify_example(void) {\n" + Ex.Context + "\n" + Begin +
          "\n" + StringRef(Body).rtrim() + "\n" + End + "\n}\n")
      .str();
}

/// Lines with their trailing blanks removed, so a YAML block scalar and the
/// file compare by content.
std::string normalized(StringRef Text) {
  SmallVector<StringRef> Lines;
  Text.trim("\n").split(Lines, '\n');
  std::string Out;
  for (StringRef Line : Lines)
    Out += Line.rtrim().str() + "\n";
  return Out;
}

/// The text between the markers.
std::optional<std::string> exampleBody(StringRef File) {
  size_t From = File.find(Begin), To = File.find(End);
  if (From == StringRef::npos || To == StringRef::npos || To < From)
    return std::nullopt;
  return normalized(File.slice(From + Begin.size(), To));
}

class Workspace {
public:
  explicit Workspace(SmallString<128> Dir) : Dir(std::move(Dir)) {}
  ~Workspace() { sys::fs::remove_directories(Dir); }

  std::string write(StringRef Name, StringRef Text) {
    SmallString<128> Path(Dir);
    sys::path::append(Path, Name);
    std::error_code EC;
    raw_fd_ostream OS(Path, EC);
    OS << Text;
    return std::string(Path);
  }
  const SmallString<128> Dir;
};

std::vector<std::string> compilerArgs(const Example &Ex) {
  if (Ex.Language == "c++")
    return {"-xc++", "-std=c++17", "-fno-caret-diagnostics", "-w"};
  return {"-std=gnu11", "-fno-caret-diagnostics", "-w"};
}

/// Clang's errors for File, or nothing if it compiles.
std::optional<std::string> compileErrors(const std::string &File,
                                         const Example &Ex, StringRef Dir) {
  tooling::FixedCompilationDatabase Database(Dir, compilerArgs(Ex));
  tooling::ClangTool Tool(Database, {File},
                          std::make_shared<PCHContainerOperations>(),
                          vfs::createPhysicalFileSystem());
  std::string Errors;
  raw_string_ostream OS(Errors);
  auto Options = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
  clang::TextDiagnosticPrinter Printer(OS, Options.get());
  Tool.setDiagnosticConsumer(&Printer);
  Tool.setPrintErrorMessage(false);
  if (Tool.run(tooling::newFrontendActionFactory<clang::SyntaxOnlyAction>()
                   .get()) == 0)
    return std::nullopt;
  return Errors.empty() ? std::string("it does not compile") : Errors;
}

std::optional<std::string> check(const Rule &R, const TUSettings &Settings,
                                 Workspace &W) {
  const Example &Ex = R.Ex;
  std::string Extension = Ex.Language == "c++" ? ".cpp" : ".c";
  std::string Before = exampleFile(Settings.Rules, Ex, Ex.Before);
  std::string Path = W.write(R.Id + Extension, Before);
  if (auto Errors = compileErrors(Path, Ex, W.Dir))
    return "its `before` does not compile:\n" + *Errors;

  tooling::FixedCompilationDatabase Database(W.Dir, compilerArgs(Ex));
  RunOptions Options;
  Options.SourceRoot = std::string(W.Dir);
  Options.Jobs = 1;
  Options.SkipUnrelated = false;
  RunOutput Output = runRules(Database, {TUJob{Path, &Settings}}, Options);
  MergedRun Run = mergeResults(std::move(Output.TUs), nullptr);
  if (!Run.FailedFiles.empty() || !Run.Conflicts.empty())
    return std::string("the engine could not process it");
  bool Reported = llvm::any_of(Run.Findings, [&](const Finding &F) {
    return F.ruleId() == R.Id &&
           (F.What == Finding::Kind::Flag) == (R.Kind == RuleKind::Flag);
  });
  if (!Reported)
    return "the engine does not report its `before` as " +
           std::string(R.Kind == RuleKind::Flag ? "a flag" : "a rewrite");

  std::string Ported = Before;
  auto Edits = Run.Edits.find(Path);
  if (Edits != Run.Edits.end()) {
    Expected<std::string> Applied =
        tooling::applyAllReplacements(Before, Edits->second.Replacements);
    if (!Applied)
      return "its edits do not apply: " + toString(Applied.takeError());
    Ported = *Applied;
  }
  // A flag's example may hold what other rules port; a rewrite's must read
  // exactly as its `after` says.
  std::optional<std::string> Body = exampleBody(Ported);
  if (R.Kind == RuleKind::Rewrite && (!Body || *Body != normalized(Ex.After)))
    return "the engine writes something else than its `after`:\n" +
           Body.value_or("(no example left)");
  std::string PortedPath = W.write(R.Id + ".ported" + Extension, Ported);
  if (auto Errors = compileErrors(PortedPath, Ex, W.Dir))
    return "the ported example does not compile:\n" + *Errors;
  if (R.Kind == RuleKind::Flag) {
    std::string After = exampleFile(Settings.Rules, Ex, Ex.After);
    if (auto Errors = compileErrors(W.write(R.Id + ".after" + Extension, After),
                                    Ex, W.Dir))
      return "its suggested `after` does not compile:\n" + *Errors;
  }
  return std::nullopt;
}

} // namespace

unsigned verifyRuleExamples(const TUSettings &Settings, raw_ostream &OS) {
  SmallString<128> Dir;
  if (std::error_code EC =
          sys::fs::createUniqueDirectory("sctpify-examples", Dir)) {
    OS << "FAIL: cannot create a temporary directory: " << EC.message() << "\n";
    return 1;
  }
  Workspace W(Dir);
  unsigned Failures = 0;
  for (const Rule &R : Settings.Rules.rules()) {
    if (std::optional<std::string> Problem = check(R, Settings, W)) {
      ++Failures;
      OS << "FAIL " << R.Id << ": " << *Problem << "\n";
    } else {
      OS << "PASS " << R.Id << "\n";
    }
  }
  return Failures;
}

} // namespace sctpify
