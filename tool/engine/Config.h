//===- Config.h - .sctpify.yaml, found and merged like .clang-tidy -*- C++ -*-===//
//
// A project says once which rules it wants, which extra rule files it has,
// which headers are its own and which paths sctpify must leave alone. As with
// .clang-tidy, every .sctpify.yaml from the file's directory up applies,
// the nearer ones later (so they win), unless one says
// `inherit-parent: false`; the command line comes last. Rule selection is
// one ordered glob list, clang-tidy's `Checks:` model: `enable:` adds globs,
// `disable:` adds them negated, and a later glob wins over an earlier one.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_CONFIG_H
#define SCTPIFY_ENGINE_CONFIG_H

#include "engine/RuleTable.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sctpify {

/// What one .sctpify.yaml (or the command line) says.
struct Config {
  /// Rule globs in order, negated ones prefixed with `-`.
  std::vector<std::string> Checks;
  std::vector<std::string> RuleFiles; ///< absolute paths
  std::optional<std::string> HeaderFilter;
  std::vector<std::string> Exclude; ///< absolute-path globs
  /// Includes that stay after sctpify's, as spelled between <> or "" (globs:
  /// `memdebug.h`, `*/last.h`); curl keeps "memdebug.h" last by rule.
  std::vector<std::string> KeepLastIncludes;
  bool InheritParent = true;
  /// `--check` fails on findings of at least this severity.
  std::optional<Severity> FailOn;
  /// Rewrite rules to report as flags instead (clang-tidy glob lists).
  std::vector<std::string> FlagOnly;
  /// Severity overrides, in order: (clang-tidy glob list, severity).
  std::vector<std::pair<std::string, Severity>> Severities;
  /// The porting mode (`fallback:`, `--fallback`): "none", or the name of
  /// an embedded mode file (rules/modes/fallback-NAME.yaml) loaded after
  /// the built-in rules and before the user's.
  std::optional<std::string> Fallback;
  std::string Source; ///< the file it came from, if any

  /// This configuration with Later applied after it: its globs, rule files
  /// and excludes come after ours; its header filter replaces ours.
  Config then(const Config &Later) const;
  /// `Checks` as one clang-tidy glob list: `*` when empty, and starting from
  /// `*` when its first glob removes rules.
  std::string checks() const;
  /// The configuration as YAML that .sctpify.yaml accepts, with paths
  /// relative to Base.
  void print(llvm::raw_ostream &OS, llvm::StringRef Base) const;
};

/// Everything the engine needs to process one translation unit.
struct TUSettings {
  Config Effective;
  RuleTable Rules;
  std::vector<llvm::GlobPattern> Exclude;
  std::vector<llvm::GlobPattern> KeepLastIncludes;
  bool excludes(llvm::StringRef AbsolutePath) const;
};

/// Finds, merges and caches the configuration for each file.
class ConfigProvider {
public:
  /// CommandLine applies after every .sctpify.yaml.
  explicit ConfigProvider(Config CommandLine)
      : CommandLine(std::move(CommandLine)) {}

  /// The settings for a file, with the rule table that results. Errors:
  /// an unreadable or invalid file, an invalid rule file, a selection that
  /// enables no rule, or a rule id in a selection that names no rule (with
  /// the nearest id as a suggestion). Thread-safe.
  llvm::Expected<const TUSettings *> settingsFor(llvm::StringRef AbsolutePath);

private:
  llvm::Expected<std::optional<Config>> load(llvm::StringRef Directory);
  llvm::Expected<std::unique_ptr<TUSettings>> build(Config Effective);

  Config CommandLine;
  std::mutex Lock;
  llvm::StringMap<std::optional<Config>> ByDirectory;
  llvm::StringMap<std::unique_ptr<TUSettings>> ByChain;
};

/// A .sctpify.yaml's Text, read as the file at Path (its relative paths
/// resolve against Path's directory). Errors: YAML that is not a mapping of
/// the documented keys, a severity that is not note, warning or error.
llvm::Expected<Config> parseConfig(llvm::StringRef Text, llvm::StringRef Path);

/// Whether Word names a `fallback:` mode: "none" or an embedded mode.
bool isFallbackMode(llvm::StringRef Word);
/// The modes `fallback:` takes, for an error message: "none, tcp".
std::string fallbackModes();

/// Appends the globs of a comma-separated list to Checks, negated when
/// Negate is set (`--disable`, `disable:`).
void addChecks(std::vector<std::string> &Checks, llvm::StringRef List,
               bool Negate);

} // namespace sctpify

#endif
