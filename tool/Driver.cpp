//===- Driver.cpp - The sctpify command line ------------------------------===//
//
// Thin by design: parse options, load the configuration, run the engine over
// the translation units, merge, and send the result where the user asked.
//
//===----------------------------------------------------------------------===//
#include "ApplyFixes.h"
#include "ExampleCheck.h"
#include "Inputs.h"
#include "Outputs.h"
#include "engine/CompileCommands.h"
#include "engine/Config.h"
#include "engine/Formatting.h"
#include "engine/LineFilter.h"
#include "engine/Merge.h"
#include "engine/Paths.h"
#include "engine/Runner.h"
#include "output/FixesApplier.h"
#include "output/Report.h"
#include "output/Reporter.h"
#include "output/RulesDoc.h"
#include "output/Sarif.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include <csignal>

using namespace llvm;
using namespace sctpify;

namespace {

/// Exit statuses, documented in --help and README.md.
enum ExitCode {
  ExitOK = 0,          ///< ran fine (and, with --check, nothing to port)
  ExitFindings = 1,    ///< --check: something would be rewritten or is flagged
  ExitUnprocessed = 2, ///< a file could not be read, parsed or written
  ExitUsage = 3,       ///< bad command line, configuration or rule file
};

cl::OptionCategory Category("sctpify options");

cl::opt<bool> InPlace("i", cl::desc("Apply the rewrites to the files"),
                      cl::cat(Category));
cl::alias InPlaceLong("in-place", cl::desc("Same as -i"),
                      cl::aliasopt(InPlace), cl::cat(Category), cl::NotHidden);
cl::opt<bool> Diff("diff",
                   cl::desc("Print a unified diff of what -i would do "
                            "(a/ and b/ paths\nfrom the project root, for git "
                            "apply or patch -p1); change nothing"),
                   cl::cat(Category));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the findings and their fixes to <file> in the YAML that\n"
             "clang-apply-replacements reads"),
    cl::value_desc("file.yaml"), cl::cat(Category));
cl::opt<std::string> ApplyFixes(
    "apply-fixes",
    cl::desc("Apply the fixes files --export-fixes wrote (a file, or every\n"
             "*.yaml in a directory, e.g. one per shard) as -i would, refusing\n"
             "files that changed since the fixes were computed; then exit"),
    cl::value_desc("path"), cl::cat(Category));
cl::opt<bool> Check("check",
                    cl::desc("Exit with status 1 if anything would be "
                             "rewritten or is flagged, at\nthe --fail-on "
                             "severity or above"),
                    cl::cat(Category));
cl::opt<std::string> FailOn(
    "fail-on",
    cl::desc("The least severity that fails --check: error, warning (the\n"
             "default) or note"),
    cl::value_desc("severity"), cl::cat(Category));
cl::opt<std::string> FlagOnly(
    "flag-only",
    cl::desc("Rewrite rules (globs) to report as flags instead, writing\n"
             "nothing, e.g. 'sctp-option-*' to port options by hand"),
    cl::value_desc("globs"), cl::cat(Category));
cl::list<std::string> SeverityOption(
    "severity",
    cl::desc("Give rules another severity, e.g. sctp-sendfile=error or\n"
             "'sctp-oob-*,-sctp-oob-send=note' (repeatable; after every\n"
             ".sctpify.yaml's `severities:`)"),
    cl::value_desc("globs=severity"), cl::cat(Category));
cl::opt<bool> ListRules("list-rules", cl::desc("Print the rule table and exit"),
                        cl::cat(Category));
cl::opt<bool> RulesDoc("rules-doc",
                       cl::desc("Print the rule reference (docs/rules.md) "
                                "and exit"),
                       cl::cat(Category));
cl::opt<bool> VerifyRules(
    "verify-rules",
    cl::desc("Run every rule's example through the engine and the compiler;\n"
             "exit 1 if one does not do what it documents"),
    cl::cat(Category));
cl::list<std::string> RuleFiles(
    "rules", cl::desc("Add or override rules from a YAML file (repeatable)"),
    cl::value_desc("file.yaml"), cl::cat(Category));
cl::opt<std::string> Enable(
    "enable",
    cl::desc("Comma-separated rule ids or globs, in order, as clang-tidy's\n"
             "-checks: '-' removes, a later glob wins; added after every\n"
             ".sctpify.yaml's list (default: all rules)"),
    cl::cat(Category));
cl::opt<std::string> Disable(
    "disable",
    cl::desc("Comma-separated rule ids or globs not to run (added to the\n"
             "list as negative globs)"),
    cl::cat(Category));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Headers under this directory are part of the project and may\n"
             "be reported and edited (default: with -p, the git work tree or\n"
             "directory holding the database's files; else the current\n"
             "directory). Main files always are; system headers never are"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regex: headers whose path matches are part of the project too"),
    cl::cat(Category));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units to process in parallel "
                                "(default: all cores)"),
                       cl::init(0), cl::Prefix, cl::value_desc("N"),
                       cl::cat(Category));
cl::alias JobsLong("jobs", cl::desc("Same as -j"), cl::aliasopt(Jobs),
                   cl::cat(Category), cl::NotHidden);
cl::opt<std::string> FormatStyle(
    "format-style",
    cl::desc("Format the lines the port changes, as clang-tidy does: 'file'\n"
             "(the project's .clang-format; nothing without one, the\n"
             "default), 'none', 'llvm', 'google', ... or '{key: value}'"),
    cl::init("file"), cl::cat(Category));
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
cl::opt<bool> DumpConfig("dump-config",
                         cl::desc("Print the effective configuration and exit"),
                         cl::cat(Category));

const char Overview[] = R"(sctpify ports TCP socket code to SCTP one-to-one sockets.

It reports (default), rewrites (-i), diffs (--diff) or exports
(--export-fixes) the changes that move TCP stream sockets onto SCTP, and flags
TCP-only behaviour that has no SCTP equivalent. Every .sctpify.yaml above a
file configures it, the nearest last; the command line comes after them.

Exit status:
  0  ran fine; with --check, nothing to port
  1  --check found something to rewrite or a flag that is not suppressed
  2  an error: a file could not be read, parsed or written, or an output
     (stdout, stderr, a report) not written; every error is named and
     counted in the summary
  3  bad usage: unknown option, no input, invalid configuration or rule file,
     a rule selection that enables nothing
)";

int usageError(const Twine &Message) {
  WithColor::error(errs(), "sctpify") << Message << "\n";
  return ExitUsage;
}

/// The value of CommonOptionsParser's own `-p` option.
StringRef buildPath() {
  auto *Option = cl::getRegisteredOptions().lookup("p");
  return Option ? StringRef(static_cast<cl::opt<std::string> *>(Option)->getValue())
                : StringRef();
}

/// The report in the format asked for, to OS.
void writeReport(const MergedRun &Run, const RuleTable &Rules, raw_ostream &OS,
                 bool Color) {
  switch (Report) {
  case ReportFormat::Text:
    printFindings(Run.Findings, OS, Color);
    break;
  case ReportFormat::JSON:
    writeJSONReport(Run.Findings, Run.Totals, OS);
    break;
  case ReportFormat::SARIF:
    writeSARIFReport(Run.Findings, Rules, Run.Totals, OS);
    break;
  }
}

} // namespace

static int runSctpify(int argc, const char **argv) {
  // A file-size limit (ulimit -f) makes writes fail with EFBIG, which is
  // handled like a full disk; its signal would otherwise kill the run.
  std::signal(SIGXFSZ, SIG_IGN);
  cl::HideUnrelatedOptions(Category);
  if (auto *ColorOption = cl::getRegisteredOptions().lookup("color"))
    ColorOption->setHiddenFlag(cl::NotHidden);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "sctpify 0.1.0\n  built with Clang and LLVM " LLVM_VERSION_STRING
          " LibTooling\n";
  });
  if (std::optional<std::string> Misplaced = ownOptionAfterDashDash(argc, argv))
    return usageError("'" + *Misplaced +
                      "' is an sctpify option, but it comes after '--', where "
                      "compiler flags go; put it before '--'");

  auto Parser = clang::tooling::CommonOptionsParser::create(
      argc, argv, Category, cl::ZeroOrMore, Overview);
  if (!Parser)
    return usageError(toString(Parser.takeError()));
  if (InPlace && Diff)
    return usageError("-i and --diff exclude each other");

  Config CommandLine;
  addChecks(CommandLine.Checks, Enable, /*Negate=*/false);
  addChecks(CommandLine.Checks, Disable, /*Negate=*/true);
  if (HeaderFilter.getNumOccurrences())
    CommandLine.HeaderFilter = HeaderFilter;
  for (const std::string &File : RuleFiles)
    CommandLine.RuleFiles.push_back(normalizedPath(File));
  if (!FlagOnly.empty())
    CommandLine.FlagOnly.push_back(FlagOnly);
  if (!FailOn.empty()) {
    CommandLine.FailOn = parseSeverity(FailOn);
    if (!CommandLine.FailOn)
      return usageError("--fail-on takes error, warning or note");
  }
  for (StringRef Setting : SeverityOption) {
    auto [Globs, Word] = Setting.rsplit('=');
    std::optional<Severity> Level = parseSeverity(Word);
    if (Globs.empty() || !Level)
      return usageError("--severity takes GLOBS=error|warning|note, e.g. "
                        "sctp-sendfile=error");
    CommandLine.Severities.emplace_back(Globs.str(), *Level);
  }
  ConfigProvider Configs(CommandLine);

  if (!ApplyFixes.empty())
    return runApplyFixes(ApplyFixes, Quiet);

  // CommonOptionsParser has no database when it was given no source (its
  // getCompilations() would dereference null).
  auto In = loadInputs(buildPath(), Parser->getSourcePathList(),
                       Parser->getSourcePathList().empty()
                           ? nullptr
                           : &Parser->getCompilations());
  if (!In)
    return usageError(toString(In.takeError()));
  if (RulesDoc || ListRules || DumpConfig || VerifyRules) {
    // The settings that apply where the user stands.
    std::string Here = In->Files.empty() ? normalizedPath("-")
                                         : normalizedPath(In->Files.front());
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
      (*Settings)->Effective.print(outs(), normalizedPath("."));
    return ExitOK;
  }
  if (In->Files.empty())
    return usageError("no input files (give sources, or -p <build-dir> with a "
                      "compile_commands.json)");
  if (!Shard.empty())
    if (Error E = keepShard(In->Files, Shard))
      return usageError(toString(std::move(E)));
  std::optional<sctpify::LineFilter> Lines;
  if (!LineFilterOption.empty()) {
    auto Parsed = sctpify::LineFilter::parse(LineFilterOption);
    if (!Parsed)
      return usageError("bad --line-filter: " + toString(Parsed.takeError()));
    Lines = std::move(*Parsed);
  }

  ErrorLog Errors;
  std::vector<TUJob> Work;
  std::vector<std::string> MainFiles;
  unsigned Unread = 0; // a translation unit too, and a failed one
  for (const std::string &File : In->Files) {
    std::optional<std::string> Path = resolveSource(*In->Database, File);
    if (!Path) {
      Errors.add(File, "no such file: '" + File + "'");
      ++Unread;
      continue;
    }
    auto Settings = Configs.settingsFor(*Path);
    if (!Settings)
      return usageError(toString(Settings.takeError()));
    if ((*Settings)->excludes(*Path))
      continue;
    Work.push_back({*Path, *Settings});
    MainFiles.push_back(*Path);
  }

  RunOptions Options;
  std::string RootFrom = "--source-root";
  Options.SourceRoot = SourceRoot.empty()
                           ? projectRoot(MainFiles, In->DatabaseDir, RootFrom)
                           : normalizedPath(SourceRoot);
  // More threads than cores, or than TUs, only cost memory.
  unsigned Cores = llvm::hardware_concurrency().compute_thread_count();
  Options.Jobs = std::min<size_t>(Jobs ? Jobs.getValue() : Cores,
                                  std::max<size_t>(1, Work.size()));
  Options.Jobs = std::min(Options.Jobs, Cores);
  Options.SkipUnrelated = !NoSkip;
  Options.Color = WithColor(errs()).colorsEnabled();
  // A compile database from a gcc build names flags clang does not know;
  // they are dropped, as clangd does. Flags typed after `--` are the user's
  // own words to clang, so one clang does not know fails the TU instead.
  DroppedFlags Dropped;
  if (!In->DatabaseDir.empty())
    Options.Adjust = dropUnknownFlags(Dropped);
  Options.Completed = progressPrinter(!Quiet && errs().is_displayed());
  RunOutput Output = runRules(*In->Database, Work, Options);
  unsigned Skipped = Output.Skipped;
  MergedRun Result =
      mergeResults(std::move(Output.TUs), Lines ? &*Lines : nullptr);
  for (const auto &[Flag, File] : Dropped.list())
    WithColor::note(errs(), "sctpify")
        << "dropped '" << Flag << "', which clang does not know (first seen "
        << "in the compile command of " << File << ")\n";
  warnStrayTemporaries(Result.ProjectFiles);
  addMergeErrors(Errors, Result);
  Errors.add(formatEdits(Result.Edits, Result.Findings, FormatStyle));
  Summary &Totals = Result.Totals;
  Totals.TranslationUnits += Unread;
  Totals.Skipped = Skipped;
  Totals.ProjectRoot = Options.SourceRoot;
  Totals.ProjectRootFrom = RootFrom;
  for (const TUJob &Job : Work)
    Totals.Files.push_back(Job.File);

  const RuleTable &Rules =
      Work.empty() ? RuleTable() : Work.front().Settings->Rules;
  // The text report quotes the source, so it is printed before -i edits it.
  bool ReportToStdout = ReportFile.empty() && !Diff;
  if (ReportToStdout && Report == ReportFormat::Text)
    writeReport(Result, Rules, outs(), WithColor(outs()).colorsEnabled());
  outs().flush();
  unsigned FilesChanged = 0;
  if (InPlace) {
    std::vector<std::string> Warnings;
    Errors.add(applyInPlace(Result.Edits, FilesChanged, Warnings));
    for (const std::string &W : Warnings)
      WithColor::warning(errs(), "sctpify") << W << "\n";
  }
  Totals.FilesChanged = FilesChanged;
  if (!ExportFixes.empty())
    Errors.add(writeFileAtomically(ExportFixes, [&](raw_ostream &OS) {
      writeContentHashes(OS, Result.Edits);
      exportFixes(OS, Work.size() == 1 ? Work.front().File : "",
                  Result.Findings);
    }));
  if (Diff)
    Errors.add(printDiff(Result.Edits, Options.SourceRoot, outs()));
  // Reports come last, so that they count every error of the run.
  const std::vector<std::string> Outputs = {ExportFixes, ReportFile};
  Totals.Errors = Errors.all();
  Totals.Failed = Errors.failedFiles(Outputs);
  if (!ReportFile.empty())
    Errors.add(writeFileAtomically(ReportFile, [&](raw_ostream &OS) {
      writeReport(Result, Rules, OS, /*Color=*/false);
    }));
  else if (ReportToStdout && Report != ReportFormat::Text)
    writeReport(Result, Rules, outs(), false);
  outs().flush();
  if (outs().has_error()) {
    std::error_code EC = outs().error();
    outs().clear_error(); // or LLVM would abort on exit
    Errors.add("", "could not write to standard output: " + EC.message());
  }
  Totals.Errors = Errors.all();
  Totals.Failed = Errors.failedFiles(Outputs);
  if (!Quiet)
    printSummary(Totals, InPlace);

  if (!Errors.empty())
    return ExitUnprocessed;
  Severity Threshold =
      CommandLine.FailOn
          ? *CommandLine.FailOn
          : Work.empty() ? Severity::Warning
                         : Work.front().Settings->Effective.FailOn.value_or(
                               Severity::Warning);
  bool Unported = llvm::any_of(Result.Findings, [&](const Finding &F) {
    return !F.Suppressed &&
           parseSeverity(F.severity()).value_or(Severity::Error) >= Threshold;
  });
  if (Check && Unported) {
    printCheckFailure(argc, argv);
    return ExitFindings;
  }
  return ExitOK;
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  checkOutputAtExit();
  return finishOutput(runSctpify(argc, argv));
}
