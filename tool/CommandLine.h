//===- CommandLine.h - sctpify's options ------------------------*- C++ -*-===//
//
// The options, how a command line is parsed into them (with one clang-style
// error line for whatever is wrong with it), and the Config they amount to,
// which comes after every .sctpify.yaml.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_COMMANDLINE_H
#define SCTPIFY_COMMANDLINE_H

#include "engine/Config.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include <string>

namespace sctpify {

/// Exit statuses, documented in --help and README.md.
enum ExitCode {
  ExitOK = 0,          ///< ran fine (and, with --check, nothing to port)
  ExitFindings = 1,    ///< --check: something would be rewritten or is flagged
  ExitUnprocessed = 2, ///< a file could not be read, parsed or written
  ExitUsage = 3,       ///< bad command line, configuration or rule file
};

/// How --report prints findings.
enum class ReportFormat { Text, JSON, SARIF };

/// The options, one per flag; --help describes each.
namespace opts {
extern llvm::cl::OptionCategory Category;
extern llvm::cl::opt<bool> InPlace, Diff, Check, ListRules, RulesDoc,
    VerifyRules, Quiet, NoSkip, DumpConfig;
extern llvm::cl::opt<std::string> ExportFixes, ApplyFixes, FailOn, FlagOnly,
    Enable, Disable, SourceRoot, HeaderFilter, FormatStyle, ReportFile,
    LineFilterJSON, Shard;
extern llvm::cl::list<std::string> Severities, RuleFiles;
extern llvm::cl::opt<ReportFormat> Report;
} // namespace opts

/// Parses argv into the options with LibTooling's CommonOptionsParser (which
/// adds -p, --extra-arg and the sources). Whatever LLVM's parser objects to,
/// whether it says so in the error it returns or straight on stderr, comes
/// back as one message in clang's words (`unknown argument '--colr'; did you
/// mean '--color'?`), for `sctpify: error: ` to precede. Exits for --help
/// and --version, as LLVM does.
llvm::Expected<clang::tooling::CommonOptionsParser>
parseCommandLine(int &Argc, const char **Argv);

/// The -j/--jobs value: 0 when not given (all cores). Valid once
/// parseCommandLine succeeded.
unsigned jobsOption();

/// The value of CommonOptionsParser's own `-p` option.
llvm::StringRef buildPathOption();

/// The settings the options give (rule selection, severities, rule files,
/// ...), which apply after every .sctpify.yaml's. Errors: a bad --fail-on or
/// --severity.
llvm::Expected<Config> commandLineConfig();

/// Arg as a POSIX shell reads it back: unchanged when it holds only
/// characters no shell treats specially, else in single quotes.
std::string shellQuote(llvm::StringRef Arg);

} // namespace sctpify

#endif
