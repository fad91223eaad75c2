//===- Driver.cpp - The sctpify command line ------------------------------===//
//
// Thin by design: parse options, load the rule table, hand the files to the
// engine, and send its findings to the output the user asked for.
//
//===----------------------------------------------------------------------===//
#include "ExampleCheck.h"
#include "engine/Config.h"
#include "engine/RuleTable.h"
#include "engine/LineFilter.h"
#include "engine/Merge.h"
#include "engine/Paths.h"
#include "engine/Runner.h"
#include "output/FixesApplier.h"
#include "output/Report.h"
#include "output/Reporter.h"
#include "output/RulesDoc.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
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
cl::opt<bool> Quiet("quiet", cl::desc("Print no progress and no summary"),
                    cl::cat(Category));
enum class ReportFormat { Text, JSON, SARIF };
cl::opt<ReportFormat> Report(
    "report", cl::desc("Format of the findings (default: text)"),
    cl::values(clEnumValN(ReportFormat::Text, "text",
                          "compiler-style diagnostics"),
               clEnumValN(ReportFormat::JSON, "json", "sctpify's JSON"),
               clEnumValN(ReportFormat::SARIF, "sarif", "SARIF 2.1.0")),
    cl::init(ReportFormat::Text), cl::cat(Category));
cl::opt<std::string> ReportFile(
    "report-file", cl::desc("Write the findings to <file> instead of stdout"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> LineFilterOption(
    "line-filter",
    cl::desc("Only findings on these lines, in clang-tidy's format:\n"
             "[{\"name\":\"file.c\",\"lines\":[[1,3],[7,7]]},...]"),
    cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Process share I of N of the translation units (1-based), "
             "e.g. 2/8"),
    cl::value_desc("I/N"), cl::cat(Category));
cl::opt<bool> NoSkip("no-skip",
                     cl::desc("Parse every translation unit, even those whose "
                              "preprocessed tokens name nothing to port"),
                     cl::cat(Category));
cl::opt<bool> VerifyRules(
    "verify-rules",
    cl::desc("Run every rule's example through the engine and the compiler;\n"
             "exit 1 if one does not do what it documents"),
    cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config",
                         cl::desc("Print the effective configuration and exit"),
                         cl::cat(Category));

const char Overview[] = R"(sctpify ports TCP socket code to SCTP one-to-one sockets.

It reports (default), rewrites (-i), diffs (--diff) or exports
(--export-fixes) the changes that move TCP stream sockets onto SCTP, and flags
TCP-only behaviour that has no drop-in SCTP equivalent. The nearest
.sctpify.yaml above each file configures it; command-line options win.

Exit status:
  0  ran fine; with --check, nothing to port
  1  --check found something to rewrite or a flag that is not suppressed
  2  a file could not be processed (missing, does not parse, cannot be written)
  3  bad usage: unknown option, no input, unreadable or invalid rule file
)";

int usageError(const Twine &Message) {
  WithColor::error(errs(), "sctpify") << Message << "\n";
  return ExitUsage;
}

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

void printSummary(const Summary &S, bool Applied) {
  auto Plural = [](unsigned N, StringRef One, StringRef Many) {
    return std::to_string(N) + " " + (N == 1 ? One : Many).str();
  };
  raw_ostream &OS = errs();
  OS << "sctpify: "
     << Plural(S.TranslationUnits, "translation unit", "translation units");
  if (S.Skipped)
    OS << " (" << S.Skipped << " skipped)";
  OS << ", " << S.Failed << " failed; "
     << Plural(S.Rewrites, "rewrite", "rewrites") << ", " << S.Reviews
     << " to review, " << Plural(S.Flags, "flag", "flags") << ", "
     << S.Suppressed << " suppressed";
  if (Applied)
    OS << "; " << Plural(S.FilesChanged, "file", "files") << " changed";
  OS << "\n";
  for (const auto &[Id, Count] : S.ByRule)
    OS << "  " << Id << ": " << Count << "\n";
}

/// The value of CommonOptionsParser's own `-p` option.
StringRef buildPath() {
  auto *Option = cl::getRegisteredOptions().lookup("p");
  return Option ? StringRef(static_cast<cl::opt<std::string> *>(Option)->getValue())
                : StringRef();
}

/// The file a source argument names, as its compile command sees it.
std::optional<std::string>
resolveSource(const clang::tooling::CompilationDatabase &Database,
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

/// --shard=I/N keeps every N-th file of the sorted list, starting at I.
Expected<std::pair<unsigned, unsigned>> parseShard(StringRef Text) {
  auto [IText, NText] = Text.split('/');
  unsigned I = 0, N = 0;
  if (IText.getAsInteger(10, I) || NText.getAsInteger(10, N) || N == 0 ||
      I == 0 || I > N)
    return createStringError(inconvertibleErrorCode(),
                             "--shard takes I/N with 1 <= I <= N, e.g. 2/8");
  return std::make_pair(I, N);
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Category);
  if (auto *ColorOption = cl::getRegisteredOptions().lookup("color"))
    ColorOption->setHiddenFlag(cl::NotHidden);
  cl::AddExtraVersionPrinter(
      [](raw_ostream &OS) { OS << "sctpify 0.1.0 (Clang 19 LibTooling)\n"; });

  auto Parser = clang::tooling::CommonOptionsParser::create(
      argc, argv, Category, cl::ZeroOrMore, Overview);
  if (!Parser)
    return usageError(toString(Parser.takeError()));
  if (InPlace && Diff)
    return usageError("-i and --diff exclude each other");

  // What the command line says; it wins over every .sctpify.yaml.
  Config CommandLine;
  if (Enable.getNumOccurrences())
    CommandLine.Enable = Enable;
  if (Disable.getNumOccurrences())
    CommandLine.Disable = Disable;
  if (HeaderFilter.getNumOccurrences())
    CommandLine.HeaderFilter = HeaderFilter;
  for (const std::string &File : RuleFiles)
    CommandLine.RuleFiles.push_back(normalizedPath(File));
  ConfigProvider Configs(CommandLine);

  std::vector<std::string> Files = Parser->getSourcePathList();
  // The settings that apply to where the user stands, for the commands that
  // process no file.
  SmallString<256> CurrentDir;
  sys::fs::current_path(CurrentDir);
  std::string Here = normalizedPath(Files.empty() ? "." : Files.front());
  if (Files.empty())
    Here = (CurrentDir + "/-").str();
  if (RulesDoc || ListRules || DumpConfig || VerifyRules) {
    auto Settings = Configs.settingsFor(Here);
    if (!Settings)
      return usageError(toString(Settings.takeError()));
    if (VerifyRules)
      return verifyRuleExamples(**Settings, outs()) ? ExitFindings : ExitOK;
    if (RulesDoc)
      printRulesReference((*Settings)->Rules, outs());
    else if (ListRules)
      printRules((*Settings)->Rules, outs());
    else
      (*Settings)->Effective.print(outs());
    return ExitOK;
  }

  std::unique_ptr<clang::tooling::CompilationDatabase> WholeDatabase;
  if (Files.empty() && !buildPath().empty()) {
    // CommonOptionsParser loads no database without sources; `-p dir` alone
    // means "every file in dir's compile_commands.json", as in run-clang-tidy.
    std::string Message;
    WholeDatabase = clang::tooling::CompilationDatabase::autoDetectFromDirectory(
        buildPath(), Message);
    if (!WholeDatabase)
      return usageError(Message);
    Files = WholeDatabase->getAllFiles();
  }
  if (Files.empty())
    return usageError("no input files (give sources, or -p <build-dir> with a "
                      "compile_commands.json)");
  auto &Database = WholeDatabase ? *WholeDatabase : Parser->getCompilations();

  std::optional<sctpify::LineFilter> Lines;
  if (!LineFilterOption.empty()) {
    auto Parsed = sctpify::LineFilter::parse(LineFilterOption);
    if (!Parsed)
      return usageError("bad --line-filter: " + toString(Parsed.takeError()));
    Lines = std::move(*Parsed);
  }
  if (!Shard.empty()) {
    auto Share = parseShard(Shard);
    if (!Share)
      return usageError(toString(Share.takeError()));
    // Deterministic whatever order the database lists files in.
    llvm::sort(Files);
    Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
    std::vector<std::string> Mine;
    for (size_t I = 0; I < Files.size(); ++I)
      if (I % Share->second == Share->first - 1)
        Mine.push_back(Files[I]);
    Files = std::move(Mine);
  }

  bool Unprocessed = false;
  std::vector<TUJob> Work;
  for (const std::string &File : Files) {
    std::optional<std::string> Path = resolveSource(Database, File);
    if (!Path) {
      WithColor::error(errs(), "sctpify") << "no such file: '" << File << "'\n";
      Unprocessed = true;
      continue;
    }
    auto Settings = Configs.settingsFor(*Path);
    if (!Settings)
      return usageError(toString(Settings.takeError()));
    if ((*Settings)->excludes(*Path))
      continue;
    Work.push_back({File, *Settings});
  }

  RunOptions Options;
  Options.SourceRoot = SourceRoot.empty() ? std::string(CurrentDir)
                                          : SourceRoot.getValue();
  Options.Jobs = Jobs; // 0: one per core
  Options.SkipUnrelated = !NoSkip;
  if (!Quiet && errs().is_displayed())
    Options.Progress = [](unsigned Done, unsigned Total, StringRef File) {
      errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << File;
      if (Done == Total)
        errs() << "\r\x1b[K";
      errs().flush();
    };
  RunOutput Output = runRules(Database, Work, Options);
  unsigned Skipped = Output.Skipped;
  MergedRun Result =
      mergeResults(std::move(Output.TUs), Lines ? &*Lines : nullptr);
  Unprocessed |= !Result.FailedFiles.empty() || !Result.Conflicts.empty();
  for (const std::string &File : Result.FailedFiles)
    WithColor::error(errs(), "sctpify")
        << "could not process '" << File << "'; it is left unchanged\n";
  for (const std::string &File : Result.Conflicts)
    WithColor::error(errs(), "sctpify")
        << "translation units disagree on the edits to '" << File
        << "'; it is left unchanged\n";
  Summary &Totals = Result.Totals;
  Totals.Skipped = Skipped;
  for (const TUJob &Job : Work)
    Totals.Files.push_back(Job.File);
  const EditMap &Edits = Result.Edits;

  std::unique_ptr<raw_fd_ostream> ReportStream;
  if (!ReportFile.empty()) {
    std::error_code EC;
    ReportStream = std::make_unique<raw_fd_ostream>(ReportFile, EC);
    if (EC)
      return usageError("cannot write '" + ReportFile + "': " + EC.message());
  }
  raw_ostream &ReportOS = ReportStream ? *ReportStream : outs();
  bool PrintReport = !Diff || ReportStream;
  // The text report quotes the source, so it is printed before -i edits it.
  if (PrintReport && Report == ReportFormat::Text)
    // LLVM's own --color option decides, as for every LLVM tool.
    printFindings(Result.Findings, ReportOS,
                  !ReportStream && WithColor(outs()).colorsEnabled());
  ReportOS.flush();
  unsigned FilesChanged = 0;
  if (InPlace)
    if (Error E = applyInPlace(Edits, FilesChanged)) {
      WithColor::error(errs(), "sctpify") << toString(std::move(E)) << "\n";
      Unprocessed = true;
    }
  Totals.FilesChanged = FilesChanged;
  if (PrintReport) {
    switch (Report) {
    case ReportFormat::Text:
      break;
    case ReportFormat::JSON:
      writeJSONReport(Result.Findings, Totals, ReportOS);
      break;
    case ReportFormat::SARIF:
      writeSARIFReport(Result.Findings, Work.empty() ? RuleTable()
                                                     : Work.front().Settings->Rules,
                       ReportOS);
      break;
    }
  }
  ReportOS.flush();

  if (!ExportFixes.empty())
    if (Error E = exportFixes(ExportFixes,
                              Work.size() == 1 ? Work.front().File : "",
                              Result.Findings)) {
      WithColor::error(errs(), "sctpify") << toString(std::move(E)) << "\n";
      Unprocessed = true;
    }
  if (Diff)
    if (Error E = printDiff(Edits, outs())) {
      WithColor::error(errs(), "sctpify") << toString(std::move(E)) << "\n";
      Unprocessed = true;
    }
  outs().flush();
  if (!Quiet)
    printSummary(Totals, InPlace);

  if (Unprocessed)
    return ExitUnprocessed;
  bool Unported = llvm::any_of(Result.Findings,
                               [](const Finding &F) { return !F.Suppressed; });
  return Check && Unported ? ExitFindings : ExitOK;
}
