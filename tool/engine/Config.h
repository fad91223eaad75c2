//===- Config.h - .sctpify.yaml, found like .clang-tidy ---------*- C++ -*-===//
//
// A project says once which rules it wants, which extra rule files it has,
// which headers are its own and which paths sctpify must leave alone. The
// nearest .sctpify.yaml above a source file applies to it; options given on
// the command line win over it.
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

/// What a .sctpify.yaml (or the command line) says. Unset fields inherit.
struct Config {
  std::optional<std::string> Enable;
  std::optional<std::string> Disable;
  std::vector<std::string> RuleFiles; ///< absolute paths
  std::optional<std::string> HeaderFilter;
  std::vector<std::string> Exclude;   ///< absolute-path globs
  std::string Source;                 ///< the file it came from, if any

  /// Fields set in Override replace this one's; lists are appended.
  Config overriddenBy(const Config &Override) const;
  void print(llvm::raw_ostream &OS) const;
};

/// Everything the engine needs to process one translation unit.
struct TUSettings {
  Config Effective;
  RuleTable Rules;
  std::vector<llvm::GlobPattern> Exclude;
  bool excludes(llvm::StringRef AbsolutePath) const;
};

/// Finds and caches the configuration for each file.
class ConfigProvider {
public:
  /// CommandLine wins over every .sctpify.yaml.
  explicit ConfigProvider(Config CommandLine)
      : CommandLine(std::move(CommandLine)) {}

  /// The settings for a file: its nearest .sctpify.yaml under the command
  /// line's options, with the rule table that results. Thread-safe.
  llvm::Expected<const TUSettings *> settingsFor(llvm::StringRef AbsolutePath);

private:
  llvm::Expected<std::optional<Config>> load(llvm::StringRef Directory);

  Config CommandLine;
  std::mutex Lock;
  llvm::StringMap<std::optional<Config>> ByDirectory;
  llvm::StringMap<std::unique_ptr<TUSettings>> BySource;
};

} // namespace sctpify

#endif
