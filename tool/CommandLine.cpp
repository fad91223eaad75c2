//===- CommandLine.cpp ----------------------------------------------------===//
#include "CommandLine.h"
#include "engine/Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace llvm;
using clang::tooling::CommonOptionsParser;

namespace sctpify {
namespace opts {

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
cl::list<std::string> Severities(
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
cl::opt<std::string> Fallback(
    "fallback",
    cl::desc("'tcp': a TCP fallback port, SCTP where it can be used and\n"
             "the TCP the program was written for where it cannot; 'none'\n"
             "(the default): SCTP only"),
    cl::value_desc("none|tcp"), cl::cat(Category));
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
// A string, checked by parseCommandLine: a misspelt --jobs (--jbos=2) reaches
// -j as its value, and deserves a suggestion rather than "invalid uint".
cl::opt<std::string> Jobs("j",
                          cl::desc("Translation units to process in parallel "
                                   "(default: all cores)"),
                          cl::Prefix, cl::value_desc("N"), cl::cat(Category));
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
cl::opt<std::string> LineFilterJSON(
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

} // namespace opts

namespace {

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

/// Collects what is written to file descriptor 2 while it lives: LLVM's
/// option parser prints a bad value (`-j b.c`) there itself, bypassing the
/// stream CommonOptionsParser gathers its own errors in.
class StderrCapture {
public:
  StderrCapture() {
    errs().flush();
    File = std::tmpfile();
    if (!File)
      return;
    Saved = ::dup(STDERR_FILENO);
    if (Saved < 0 || ::dup2(::fileno(File), STDERR_FILENO) < 0) {
      std::fclose(File);
      File = nullptr;
      return;
    }
    // --version and --help exit from inside the parser: stderr must be
    // back, with what was captured, for the exit handlers that report a
    // failed write (registered earlier, so they run after this one).
    Active = this;
    static bool Registered = [] {
      std::atexit([] {
        if (Active)
          errs() << Active->release();
      });
      return true;
    }();
    (void)Registered;
  }
  StderrCapture(const StderrCapture &) = delete;
  StderrCapture &operator=(const StderrCapture &) = delete;
  ~StderrCapture() { release(); }

  /// Puts stderr back and returns what was written meanwhile.
  std::string release() {
    std::string Text;
    if (!File)
      return Text;
    Active = nullptr;
    errs().flush();
    ::dup2(Saved, STDERR_FILENO);
    ::close(Saved);
    std::rewind(File);
    char Buffer[4096];
    while (size_t N = std::fread(Buffer, 1, sizeof Buffer, File))
      Text.append(Buffer, N);
    std::fclose(File);
    File = nullptr;
    return Text;
  }

private:
  static inline StderrCapture *Active = nullptr;
  std::FILE *File = nullptr;
  int Saved = -1;
};

/// How a user would type Name: `-j`, `--check`.
std::string dashed(StringRef Name) {
  return (Name.size() == 1 ? "-" : "--") + Name.str();
}

/// The listed option nearest to the (dashless) Name, if one is near enough
/// to be a slip of the keyboard; Except is never suggested.
std::optional<std::string> nearestOption(StringRef Name,
                                         StringRef Except = "") {
  unsigned Limit = std::max<unsigned>(1, (Name.size() + 1) / 2);
  std::optional<std::string> Best;
  unsigned BestDistance = Limit + 1;
  for (const auto &Entry : cl::getRegisteredOptions()) {
    StringRef Key = Entry.getKey();
    if (Entry.getValue()->getOptionHiddenFlag() != cl::NotHidden ||
        Key == Except)
      continue;
    unsigned Distance = Name.edit_distance(Key, true, Limit);
    // Ties go to the first in alphabetical order, not to the hash order.
    if (Distance < BestDistance ||
        (Distance == BestDistance && Best && Key < *Best)) {
      BestDistance = Distance;
      Best = Key.str();
    }
  }
  return Best;
}

/// `unknown argument '--colr=false'; did you mean '--color=false'?`
std::string unknownArgument(StringRef Typed, StringRef Except = "") {
  auto [Name, Value] = Typed.ltrim('-').split('=');
  std::string Message = "unknown argument '" + Typed.str() + "'";
  if (std::optional<std::string> Near = nearestOption(Name, Except))
    return Message + "; did you mean '" + dashed(*Near) +
           (Typed.contains('=') ? "=" + Value.str() : "") + "'?";
  return Message + " (--help lists the options)";
}

/// One message, in clang's words, for what LLVM's parser printed.
std::string cleanParseError(StringRef Text) {
  SmallVector<StringRef, 4> Lines;
  Text.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    // LLVM starts each line with the program's name.
    if (size_t Colon = Line.find(": "); Colon != StringRef::npos &&
                                        !Line.take_front(Colon).contains(' '))
      Line = Line.drop_front(Colon + 2);
    if (Line.consume_front("Unknown command line argument '"))
      return unknownArgument(Line.take_front(Line.find("'.  Try: ")));
    if (!Line.consume_front("for the "))
      continue;
    auto [Option, Problem] = Line.split(" option: ");
    if (Problem == "requires a value!")
      return "argument to '" + Option.str() + "' is missing (expected a value)";
    if (Problem == "may only occur zero or one times!")
      return "'" + Option.str() + "' is given more than once";
    StringRef Value = Problem.drop_until([](char C) { return C == '\''; })
                          .drop_front()
                          .take_until([](char C) { return C == '\''; });
    std::string Invalid =
        "invalid value '" + Value.str() + "' for '" + Option.str() + "'";
    if (Problem.contains("invalid value for boolean"))
      return Invalid + " (true or false)";
    if (Problem.starts_with("Cannot find option named") ||
        Problem.contains("value invalid for"))
      return Invalid + " (--help lists its values)";
    return Option.str() + ": " + Problem.rtrim('!').str();
  }
  return Lines.empty() ? "bad command line" : Lines.front().str();
}

unsigned ParsedJobs = 0;

/// Checks the -j value; a value that is really a misspelt option (--jbos=2
/// is -j with "bos=2") is reported as that option.
Error checkJobs(int Argc, const char **Argv) {
  if (!opts::Jobs.getNumOccurrences())
    return Error::success();
  StringRef Value = opts::Jobs;
  if (!Value.getAsInteger(10, ParsedJobs))
    return Error::success();
  auto Fail = [](const Twine &Message) {
    return createStringError(inconvertibleErrorCode(), Message);
  };
  int Position = opts::Jobs.getPosition();
  StringRef Typed = Position > 0 && Position < Argc ? Argv[Position] : "";
  StringRef TypedName = Typed.ltrim('-').split('=').first;
  if (Typed != Value && TypedName != "j" && TypedName != "jobs" &&
      (Value.contains('=') || nearestOption(TypedName, "j")))
    return Fail(unknownArgument(Typed, "j"));
  // As typed: `-j b.c`, `--jobs=x`, `-jx`.
  StringRef Shown = Typed == Value && Position > 1
                        ? StringRef(Argv[Position - 1])
                        : Typed.take_front(Typed.size() - Value.size())
                              .rtrim('=');
  return Fail("invalid number '" + Value + "' for '" + Shown +
              "' (translation units to process in parallel, e.g. -j8)");
}

} // namespace

Expected<CommonOptionsParser> parseCommandLine(int &Argc, const char **Argv) {
  // LLVM's --color is not one of sctpify's options, so CommonOptionsParser
  // would hide it from --help and from suggestions; in both categories,
  // --help would list it twice.
  if (cl::Option *Color = cl::getRegisteredOptions().lookup("color")) {
    Color->Categories.assign(1, &opts::Category);
    Color->setHiddenFlag(cl::NotHidden);
    static cl::alias Colour("colour", cl::desc("Same as --color"),
                            cl::aliasopt(*Color), cl::Hidden);
  }
  StderrCapture Capture;
  auto Parser = CommonOptionsParser::create(Argc, Argv, opts::Category,
                                            cl::ZeroOrMore, Overview);
  std::string Printed = Capture.release();
  if (!Parser) {
    std::string Returned = toString(Parser.takeError());
    return createStringError(inconvertibleErrorCode(),
                             cleanParseError(Printed + Returned));
  }
  // LibTooling's own search for a compile database, which says on stderr
  // when it found none; with -p, loadInputs searches and reports instead.
  if (buildPathOption().empty())
    errs() << Printed;
  if (Error E = checkJobs(Argc, Argv))
    return E;
  return Parser;
}

unsigned jobsOption() { return ParsedJobs; }

StringRef buildPathOption() {
  auto *Option = cl::getRegisteredOptions().lookup("p");
  return Option ? StringRef(static_cast<cl::opt<std::string> *>(Option)->getValue())
                : StringRef();
}

Expected<Config> commandLineConfig() {
  auto Fail = [](const char *Message) {
    return createStringError(inconvertibleErrorCode(), Message);
  };
  Config CommandLine;
  addChecks(CommandLine.Checks, opts::Enable, /*Negate=*/false);
  addChecks(CommandLine.Checks, opts::Disable, /*Negate=*/true);
  if (opts::HeaderFilter.getNumOccurrences())
    CommandLine.HeaderFilter = opts::HeaderFilter;
  for (const std::string &File : opts::RuleFiles)
    CommandLine.RuleFiles.push_back(normalizedPath(File));
  if (!opts::FlagOnly.empty())
    CommandLine.FlagOnly.push_back(opts::FlagOnly);
  if (!opts::FailOn.empty()) {
    CommandLine.FailOn = parseSeverity(opts::FailOn);
    if (!CommandLine.FailOn)
      return Fail("--fail-on takes error, warning or note");
  }
  if (opts::Fallback.getNumOccurrences() && !isFallbackMode(opts::Fallback))
    return createStringError(inconvertibleErrorCode(), "--fallback takes one of " +
                             fallbackModes() + ", not '" + opts::Fallback + "'");
  if (opts::Fallback.getNumOccurrences())
    CommandLine.Fallback = opts::Fallback;
  for (StringRef Setting : opts::Severities) {
    auto [Globs, Word] = Setting.rsplit('=');
    std::optional<Severity> Level = parseSeverity(Word);
    if (Globs.empty() || !Level)
      return Fail("--severity takes GLOBS=error|warning|note, e.g. "
                  "sctp-sendfile=error");
    CommandLine.Severities.emplace_back(Globs.str(), *Level);
  }
  return CommandLine;
}

std::string shellQuote(StringRef Arg) {
  auto Plain = [](char C) {
    return isAlnum(C) || StringRef("_-+=/.,:@%").contains(C);
  };
  if (!Arg.empty() && llvm::all_of(Arg, Plain))
    return Arg.str();
  std::string Quoted = "'";
  for (char C : Arg)
    Quoted += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Quoted + "'";
}

} // namespace sctpify
