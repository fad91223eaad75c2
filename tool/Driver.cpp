//===- Driver.cpp - The sctpify command line ------------------------------===//
//
// Thin by design: parse options, load the rule table, hand the files to the
// engine, and send its findings to the output the user asked for.
//
//===----------------------------------------------------------------------===//
#include "engine/RuleTable.h"
#include "engine/Runner.h"
#include "output/FixesApplier.h"
#include "output/Reporter.h"
#include "output/RulesDoc.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include <map>

using namespace llvm;
using namespace sctpify;

namespace {

/// Exit statuses, documented in --help and README.md.
enum ExitCode {
  ExitOK = 0,           ///< ran fine (and, with --check, nothing to port)
  ExitFindings = 1,     ///< --check: something would be rewritten or is flagged
  ExitUnprocessed = 2,  ///< a file could not be read, parsed or written
  ExitUsage = 3,        ///< bad command line or rule file
};

cl::OptionCategory Category("sctpify options");

cl::opt<bool> InPlace("i", cl::desc("Apply the rewrites to the files"),
                      cl::cat(Category));
cl::alias InPlaceLong("in-place", cl::desc("Alias for -i"),
                      cl::aliasopt(InPlace), cl::cat(Category));
cl::opt<bool> Diff("diff",
                   cl::desc("Print a unified diff of what -i would do; "
                            "change nothing"),
                   cl::cat(Category));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the findings and their fixes to <file> in the YAML that\n"
             "clang-apply-replacements reads"),
    cl::value_desc("file.yaml"), cl::cat(Category));
cl::opt<bool> Check("check",
                    cl::desc("Exit with status 1 if anything would be "
                             "rewritten or is flagged"),
                    cl::cat(Category));
cl::opt<bool> ListRules("list-rules", cl::desc("Print the rule table and exit"),
                        cl::cat(Category));
cl::opt<bool> RulesDoc("rules-doc",
                       cl::desc("Print the rule reference (docs/rules.md) "
                                "and exit"),
                       cl::cat(Category));
cl::list<std::string> RuleFiles(
    "rules", cl::desc("Add or override rules from a YAML file (repeatable)"),
    cl::value_desc("file.yaml"), cl::cat(Category));
cl::opt<std::string> Enable(
    "enable",
    cl::desc("Comma-separated rule ids or globs to run (default: all);\n"
             "a leading '-' removes, as in clang-tidy's -checks"),
    cl::cat(Category));
cl::opt<std::string> Disable(
    "disable", cl::desc("Comma-separated rule ids or globs not to run"),
    cl::cat(Category));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Headers under this directory are part of the project and may\n"
             "be reported and edited (default: the current directory).\n"
             "Files given on the command line always are; system headers\n"
             "never are"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regex: headers whose path matches are part of the project too"),
    cl::cat(Category));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units to process in parallel "
                                "(default: all cores)"),
                       cl::init(0), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Print no summary"), cl::cat(Category));

const char Overview[] = R"(sctpify ports TCP socket code to SCTP one-to-one sockets.

It reports (default), rewrites (-i), diffs (--diff) or exports
(--export-fixes) the changes that move TCP stream sockets onto SCTP, and flags
TCP-only behaviour that has no drop-in SCTP equivalent.

Exit status:
  0  ran fine; with --check, nothing to port
  1  --check found something to rewrite or a flag that is not suppressed
  2  a file could not be processed (missing, does not parse, cannot be written)
  3  bad usage: unknown option, no input, unreadable or invalid rule file
)";

void printRules(const RuleTable &Rules, raw_ostream &OS) {
  size_t Width = 0;
  for (const Rule &R : Rules.rules())
    Width = std::max(Width, R.Id.size());
  for (const Rule &R : Rules.rules()) {
    OS << left_justify(R.Id, Width) << "  "
       << left_justify(R.Kind == RuleKind::Rewrite ? "rewrite" : "flag", 7)
       << "  " << R.Summary << "\n";
  }
}

void printSummary(const RunResult &Result, unsigned FilesChanged,
                  bool Applied) {
  unsigned Rewrites = 0, Flags = 0, Suppressed = 0;
  std::map<std::string, unsigned> PerRule;
  for (const Finding &F : Result.Findings) {
    if (F.Suppressed) {
      ++Suppressed;
      continue;
    }
    ++(F.rewrites() ? Rewrites : Flags);
    ++PerRule[F.RuleId];
  }
  raw_ostream &OS = errs();
  OS << "sctpify: " << Result.TranslationUnits << " translation unit"
     << (Result.TranslationUnits == 1 ? "" : "s") << ", "
     << Result.FailedFiles.size() << " failed; " << Rewrites << " rewrite"
     << (Rewrites == 1 ? "" : "s") << ", " << Flags << " to review, "
     << Suppressed << " suppressed";
  if (Applied)
    OS << "; " << FilesChanged << " file" << (FilesChanged == 1 ? "" : "s")
       << " changed";
  OS << "\n";
  for (const auto &[Id, Count] : PerRule)
    OS << "  " << Id << ": " << Count << "\n";
}

/// The value of CommonOptionsParser's own `-p` option.
StringRef buildPath() {
  auto *Option = cl::getRegisteredOptions().lookup("p");
  return Option ? StringRef(static_cast<cl::opt<std::string> *>(Option)->getValue())
                : StringRef();
}

/// Whether File exists as given or relative to its compile command.
bool existsFor(const clang::tooling::CompilationDatabase &Database,
               StringRef File) {
  if (sys::fs::exists(File))
    return true;
  for (const auto &Command : Database.getCompileCommands(File)) {
    SmallString<256> Path(Command.Filename);
    sys::fs::make_absolute(Command.Directory, Path);
    if (sys::fs::exists(Path))
      return true;
  }
  return false;
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Category);
  if (auto *ColorOption = cl::getRegisteredOptions().lookup("color"))
    ColorOption->setHiddenFlag(cl::NotHidden);
  cl::AddExtraVersionPrinter(
      [](raw_ostream &OS) { OS << "sctpify 0.1.0 (Clang 19 LibTooling)\n"; });

  // --list-rules needs no input; the usual parser insists on some.
  std::string ParseErrors;
  raw_string_ostream ParseErrorsOS(ParseErrors);
  auto Parser = clang::tooling::CommonOptionsParser::create(
      argc, argv, Category, cl::ZeroOrMore, Overview);
  if (!Parser) {
    WithColor::error(errs(), "sctpify") << toString(Parser.takeError());
    return ExitUsage;
  }

  auto Rules = RuleTable::builtin();
  if (!Rules) {
    WithColor::error(errs(), "sctpify") << toString(Rules.takeError()) << "\n";
    return ExitUsage;
  }
  for (const std::string &File : RuleFiles)
    if (Error E = Rules->addFile(File)) {
      WithColor::error(errs(), "sctpify") << toString(std::move(E)) << "\n";
      return ExitUsage;
    }
  if (Error E = Rules->resolve()) {
    WithColor::error(errs(), "sctpify") << toString(std::move(E)) << "\n";
    return ExitUsage;
  }
  if (Error E = Rules->select(Enable, Disable)) {
    WithColor::error(errs(), "sctpify")
        << "bad --enable/--disable: " << toString(std::move(E)) << "\n";
    return ExitUsage;
  }
  if (RulesDoc) {
    printRulesReference(*Rules, outs());
    return ExitOK;
  }
  if (ListRules) {
    printRules(*Rules, outs());
    return ExitOK;
  }
  if (InPlace + Diff > 1) {
    WithColor::error(errs(), "sctpify") << "-i and --diff exclude each other\n";
    return ExitUsage;
  }

  std::vector<std::string> Files = Parser->getSourcePathList();
  std::unique_ptr<clang::tooling::CompilationDatabase> WholeDatabase;
  if (Files.empty() && !buildPath().empty()) {
    // CommonOptionsParser loads no database without sources; `-p dir` alone
    // means "every file in dir's compile_commands.json", as in run-clang-tidy.
    std::string Message;
    WholeDatabase = clang::tooling::CompilationDatabase::autoDetectFromDirectory(
        buildPath(), Message);
    if (!WholeDatabase) {
      WithColor::error(errs(), "sctpify") << Message << "\n";
      return ExitUsage;
    }
    Files = WholeDatabase->getAllFiles();
  }
  if (Files.empty()) {
    WithColor::error(errs(), "sctpify")
        << "no input files (give sources, or -p <build-dir> with a "
           "compile_commands.json)\n";
    return ExitUsage;
  }
  auto &Database = WholeDatabase ? *WholeDatabase : Parser->getCompilations();
  bool Unprocessed = false;
  std::vector<std::string> Existing;
  for (const std::string &File : Files) {
    if (existsFor(Database, File)) {
      Existing.push_back(File);
      continue;
    }
    WithColor::error(errs(), "sctpify")
        << "no such file: '" << File << "'\n";
    Unprocessed = true;
  }

  RunOptions Options;
  SmallString<256> CurrentDir;
  sys::fs::current_path(CurrentDir);
  Options.SourceRoot = SourceRoot.empty() ? std::string(CurrentDir)
                                          : SourceRoot.getValue();
  Options.HeaderFilter = HeaderFilter;
  Options.Jobs = Jobs; // 0: one per core
  RunResult Result = runRules(Database, Existing, *Rules, Options);
  Unprocessed |= !Result.FailedFiles.empty();
  for (const std::string &File : Result.FailedFiles)
    WithColor::error(errs(), "sctpify")
        << "could not process '" << File << "'; it is left unchanged\n";

  std::vector<std::string> Conflicts = Result.Conflicts;
  auto Edits = collectEdits(Result.Findings, Conflicts);
  for (const std::string &File : Conflicts) {
    WithColor::error(errs(), "sctpify")
        << "translation units disagree on the edits to '" << File
        << "'; it is left unchanged\n";
    Edits.erase(File);
    Unprocessed = true;
  }

  // LLVM's own --color option decides, as for every LLVM tool.
  bool UseColor = WithColor(outs()).colorsEnabled();
  if (!Diff)
    printFindings(Result.Findings, outs(), UseColor);
  outs().flush();

  if (!ExportFixes.empty()) {
    if (Error E = exportFixes(ExportFixes,
                              Existing.size() == 1 ? Existing.front() : "",
                              Result.Findings)) {
      WithColor::error(errs(), "sctpify") << toString(std::move(E)) << "\n";
      Unprocessed = true;
    }
  }
  unsigned FilesChanged = 0;
  if (Diff) {
    if (Error E = printDiff(Edits, outs())) {
      WithColor::error(errs(), "sctpify") << toString(std::move(E)) << "\n";
      Unprocessed = true;
    }
  } else if (InPlace) {
    if (Error E = applyInPlace(Edits, FilesChanged)) {
      WithColor::error(errs(), "sctpify") << toString(std::move(E)) << "\n";
      Unprocessed = true;
    }
  }
  if (!Quiet)
    printSummary(Result, FilesChanged, InPlace);

  if (Unprocessed)
    return ExitUnprocessed;
  bool Unported = llvm::any_of(Result.Findings,
                               [](const Finding &F) { return !F.Suppressed; });
  return Check && Unported ? ExitFindings : ExitOK;
}
