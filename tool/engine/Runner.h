//===- Runner.h - Runs the rules over many translation units ----*- C++ -*-===//
#ifndef SCTPIFY_ENGINE_RUNNER_H
#define SCTPIFY_ENGINE_RUNNER_H

#include "engine/Config.h"
#include "engine/TUResult.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <string>
#include <vector>

namespace sctpify {

/// One translation unit to process and the settings that apply to it.
struct TUJob {
  std::string File;
  const TUSettings *Settings;
};

struct RunOptions {
  /// Headers under this directory belong to the project: sctpify reports on
  /// and edits them. Main files are always the project's.
  std::string SourceRoot;
  unsigned Jobs = 0; ///< 0: one per core
  /// Skip, without a full parse, TUs whose preprocessed tokens never use a
  /// name the way a rule matches it (see TriggerScan.h).
  bool SkipUnrelated = true;
  /// Rewrites each compile command before clang sees it (dropping flags
  /// clang does not know); may be empty.
  clang::tooling::ArgumentsAdjuster Adjust;
  /// Whether compiler diagnostics are coloured.
  bool Color = false;
  /// Called, one call at a time, as each TU completes, with (done, total,
  /// its result): what was printed for it can be shown at once, whole, so
  /// parallel TUs never interleave. May be empty.
  std::function<void(unsigned, unsigned, const TUResult &)> Completed;
};

struct RunOutput {
  std::vector<TUResult> TUs; ///< in the order of the jobs
  unsigned Skipped = 0;
};

RunOutput runRules(const clang::tooling::CompilationDatabase &Database,
                   const std::vector<TUJob> &Jobs, const RunOptions &Options);

} // namespace sctpify

#endif
