//===- Outputs.h - What a run prints and writes -----------------*- C++ -*-===//
#ifndef SCTPIFY_OUTPUTS_H
#define SCTPIFY_OUTPUTS_H

#include "engine/Merge.h"
#include "engine/RuleTable.h"
#include "engine/Runner.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <functional>
#include <string>

namespace sctpify {

/// Every error of a run goes through here once: printed as
/// `sctpify: error: ...` and kept for the summary and the reports.
class ErrorLog {
public:
  void add(llvm::StringRef File, const llvm::Twine &Message);
  void add(llvm::Error E); ///< each error of a joined llvm::Error
  bool empty() const { return Errors.empty(); }
  const std::vector<std::pair<std::string, std::string>> &all() const {
    return Errors;
  }

private:
  std::vector<std::pair<std::string, std::string>> Errors;
};

/// Writes Path whole or not at all: the text goes to an llvm TempFile next
/// to it, renamed over Path only once everything is written (a full disk
/// never leaves a truncated report or fixes file in place of a good one).
/// Missing parent directories are made. Errors name Path.
llvm::Error writeFileAtomically(llvm::StringRef Path,
                                const std::function<void(llvm::raw_ostream &)> &Write);

/// `sctpify: 3 translation units (1 skipped), 0 failed; ...`, the counts by
/// rule, and what was left out, to stderr.
void printSummary(const Summary &S, bool Applied);

/// The per-TU callback of a run: the compiler's own diagnostics of the TU,
/// and, when \p Progress (stderr is a terminal and not --quiet), a
/// `[done/total] file` line that each TU overwrites.
std::function<void(unsigned, unsigned, const TUResult &)>
progressPrinter(bool Progress);

/// What --check prints when it fails: the command that ports what sctpify
/// can (this command line without --check and --quiet, each argument
/// shell-quoted so that it can be pasted), so that a blocked commit or CI
/// job says how to fix it.
void printCheckFailure(int Argc, const char **Argv);

/// `--list-rules`: id, kind and summary per rule.
void printRules(const RuleTable &Rules, llvm::raw_ostream &OS);

} // namespace sctpify

#endif
