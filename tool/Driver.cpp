//===- Driver.cpp - The sctpify command line ------------------------------===//
//
// Thin by design: parse options, load the configuration, run the engine over
// the translation units, merge, and send the result where the user asked.
//
//===----------------------------------------------------------------------===//
#include "ApplyFixes.h"
#include "CommandLine.h"
#include "ExampleCheck.h"
#include "FindingStream.h"
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

int usageError(const Twine &Message) {
  WithColor::error(errs(), "sctpify") << Message << "\n";
  return ExitUsage;
}

/// The report in the format asked for, to OS.
void writeReport(const MergedRun &Run, const RuleTable &Rules, raw_ostream &OS,
                 bool Color) {
  switch (opts::Report) {
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
  cl::HideUnrelatedOptions(opts::Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "sctpify 0.1.0\n  built with Clang and LLVM " LLVM_VERSION_STRING
          " LibTooling\n";
  });
  if (std::optional<std::string> Misplaced = ownOptionAfterDashDash(argc, argv))
    return usageError("'" + *Misplaced +
                      "' is an sctpify option, but it comes after '--', where "
                      "compiler flags go; put it before '--'");

  // CommonOptionsParser cuts argc at `--`; the command --check prints for
  // the user needs the compiler flags after it too.
  const int WholeArgc = argc;
  auto Parser = parseCommandLine(argc, argv);
  if (!Parser)
    return usageError(toString(Parser.takeError()));
  if (opts::InPlace && opts::Diff)
    return usageError("-i and --diff exclude each other");
  Expected<Config> CommandLine = commandLineConfig();
  if (!CommandLine)
    return usageError(toString(CommandLine.takeError()));
  ConfigProvider Configs(*CommandLine);

  if (!opts::ApplyFixes.empty())
    return runApplyFixes(opts::ApplyFixes, opts::Quiet);

  // CommonOptionsParser has no database when it was given no source (its
  // getCompilations() would dereference null).
  auto In = loadInputs(buildPathOption(), Parser->getSourcePathList(),
                       Parser->getSourcePathList().empty()
                           ? nullptr
                           : &Parser->getCompilations());
  if (!In)
    return usageError(toString(In.takeError()));
  if (opts::RulesDoc || opts::ListRules || opts::DumpConfig || opts::VerifyRules) {
    // The settings that apply where the user stands.
    std::string Here = In->Files.empty() ? normalizedPath("-")
                                         : normalizedPath(In->Files.front());
    auto Settings = Configs.settingsFor(Here);
    if (!Settings)
      return usageError(toString(Settings.takeError()));
    if (opts::VerifyRules)
      return verifyRuleExamples(**Settings, outs()) ? ExitFindings : ExitOK;
    if (opts::RulesDoc)
      printRulesReference((*Settings)->Rules, outs());
    else if (opts::ListRules)
      printRules((*Settings)->Rules, outs());
    else
      (*Settings)->Effective.print(outs(), normalizedPath("."));
    return ExitOK;
  }
  if (In->Files.empty())
    return usageError("no input files (give sources, or -p <build-dir> with a "
                      "compile_commands.json)");
  if (!opts::Shard.empty())
    if (Error E = keepShard(In->Files, opts::Shard))
      return usageError(toString(std::move(E)));
  std::optional<sctpify::LineFilter> Lines;
  if (!opts::LineFilterJSON.empty()) {
    auto Parsed = sctpify::LineFilter::parse(opts::LineFilterJSON);
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
  Options.SourceRoot = opts::SourceRoot.empty()
                           ? projectRoot(MainFiles, In->DatabaseDir, RootFrom)
                           : normalizedPath(opts::SourceRoot);
  // More threads than cores, or than TUs, only cost memory.
  unsigned Cores = llvm::hardware_concurrency().compute_thread_count();
  Options.Jobs = std::min<size_t>(jobsOption() ? jobsOption() : Cores,
                                  std::max<size_t>(1, Work.size()));
  Options.Jobs = std::min(Options.Jobs, Cores);
  Options.SkipUnrelated = !opts::NoSkip;
  Options.Color = WithColor(errs()).colorsEnabled();
  // A compile database from a gcc build names flags clang does not know;
  // they are dropped, as clangd does. Flags typed after `--` are the user's
  // own words to clang, so one clang does not know fails the TU instead.
  DroppedFlags Dropped;
  if (!In->DatabaseDir.empty())
    Options.Adjust = dropUnknownFlags(Dropped);
  bool ReportToStdout = opts::ReportFile.empty() && !opts::Diff;
  std::optional<FindingStream> Stream;
  if (ReportToStdout && opts::Report == ReportFormat::Text)
    Stream.emplace(MainFiles, Lines ? &*Lines : nullptr, outs(),
                   WithColor(outs()).colorsEnabled(), opts::InPlace);
  Options.Completed = [Progress = progressPrinter(!opts::Quiet && errs().is_displayed()),
                       &Stream](unsigned Done, unsigned Total, const TUResult &TU) {
    if (Stream)
      Stream->completed(TU);
    Progress(Done, Total, TU);
  };
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
  Errors.add(formatEdits(Result.Edits, Result.Findings, opts::FormatStyle));
  Summary &Totals = Result.Totals;
  Totals.TranslationUnits += Unread;
  Totals.Skipped = Skipped;
  Totals.ProjectRoot = Options.SourceRoot;
  Totals.ProjectRootFrom = RootFrom;
  for (const TUJob &Job : Work) {
    Totals.Files.push_back(Job.File);
    const std::optional<std::string> &Mode = Job.Settings->Effective.Fallback;
    if (Mode && *Mode != "none")
      Totals.FallbackModes.insert(*Mode);
  }

  const RuleTable &Rules =
      Work.empty() ? RuleTable() : Work.front().Settings->Rules;
  // The text report quotes the source, so it is printed before -i edits it:
  // what the stream has not printed yet (headers, macro bodies).
  if (Stream) {
    std::vector<const Finding *> Rest;
    for (const Finding &F : Result.Findings)
      if (!Stream->printed(F))
        Rest.push_back(&F);
    printFindings(Rest, outs(), WithColor(outs()).colorsEnabled(),
                  [&](const Finding &F) {
                    return opts::InPlace && F.rewrites() &&
                           Result.Edits.count(F.filePath().str());
                  });
  }
  outs().flush();
  unsigned FilesChanged = 0;
  if (opts::InPlace) {
    std::vector<std::string> Warnings;
    Errors.add(applyInPlace(Result.Edits, FilesChanged, Warnings));
    for (const std::string &W : Warnings)
      WithColor::warning(errs(), "sctpify") << W << "\n";
  }
  Totals.FilesChanged = FilesChanged;
  if (!opts::ExportFixes.empty())
    Errors.add(writeFileAtomically(opts::ExportFixes, [&](raw_ostream &OS) {
      writeContentHashes(OS, Result.Edits);
      exportFixes(OS, Work.size() == 1 ? Work.front().File : "",
                  Result.Findings);
    }));
  if (opts::Diff)
    Errors.add(printDiff(Result.Edits, Options.SourceRoot, outs()));
  // Reports come last, so that they count every error of the run.
  const std::vector<std::string> Outputs = {opts::ExportFixes, opts::ReportFile};
  Totals.Errors = Errors.all();
  Totals.Failed = Errors.failedFiles(Outputs);
  if (!opts::ReportFile.empty())
    Errors.add(writeFileAtomically(opts::ReportFile, [&](raw_ostream &OS) {
      writeReport(Result, Rules, OS, /*Color=*/false);
    }));
  else if (ReportToStdout && opts::Report != ReportFormat::Text)
    writeReport(Result, Rules, outs(), false);
  outs().flush();
  if (outs().has_error()) {
    std::error_code EC = outs().error();
    outs().clear_error(); // or LLVM would abort on exit
    Errors.add("", "could not write to standard output: " + EC.message());
  }
  Totals.Errors = Errors.all();
  Totals.Failed = Errors.failedFiles(Outputs);
  if (!opts::Quiet)
    printSummary(Totals, opts::InPlace);

  if (!Errors.empty())
    return ExitUnprocessed;
  Severity Threshold =
      CommandLine->FailOn
          ? *CommandLine->FailOn
          : Work.empty() ? Severity::Warning
                         : Work.front().Settings->Effective.FailOn.value_or(
                               Severity::Warning);
  bool Unported = llvm::any_of(Result.Findings, [&](const Finding &F) {
    return !F.Suppressed &&
           parseSeverity(F.severity()).value_or(Severity::Error) >= Threshold;
  });
  if (opts::Check && Unported) {
    printCheckFailure(WholeArgc, argv);
    return ExitFindings;
  }
  return ExitOK;
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  checkOutputAtExit();
  return finishOutput(runSctpify(argc, argv));
}
