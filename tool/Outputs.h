//===- Outputs.h - What a run prints and writes -----------------*- C++ -*-===//
#ifndef SCTPIFY_OUTPUTS_H
#define SCTPIFY_OUTPUTS_H

#include "engine/Merge.h"
#include "engine/RuleTable.h"
#include "engine/Runner.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <functional>
#include <set>
#include <string>

namespace sctpify {

/// Every error of a run goes through here once: printed as
/// `sctpify: error: ...` and kept for the summary and the reports.
class ErrorLog {
public:
  void add(llvm::StringRef File, const llvm::Twine &Message);
  void add(llvm::Error E); ///< each error of a joined llvm::Error
  bool empty() const { return Errors.empty(); }
  /// The files named by an error, each once, but for \p Outputs (the report
  /// and fixes files the run writes): every input that could not be read or
  /// parsed, every file that could not be written or was left unchanged
  /// for an error. The summaries' `failed`.
  unsigned failedFiles(llvm::ArrayRef<std::string> Outputs) const;
  const std::vector<std::pair<std::string, std::string>> &all() const {
    return Errors;
  }

private:
  std::vector<std::pair<std::string, std::string>> Errors;
};

/// Writes Path whole or not at all: the text goes to an llvm TempFile next
/// to it, renamed over Path only once everything is written (a full disk
/// never leaves a truncated report or fixes file in place of a good one).
/// A symbolic link is written through: the file it resolves to is replaced
/// (or, for a dangling link, created), the link stays. Something that is not
/// a regular file (a FIFO, a device such as /dev/stdout) is written
/// directly, never replaced. Missing parent directories are made. Errors
/// name Path.
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

/// The errors of clang's tools that the merge reports: the TUs that failed
/// and the files left unchanged because their edits conflict.
void addMergeErrors(ErrorLog &Errors, const MergedRun &Run);

/// One warning per stray temporary (`NAME.sctpify-XXXXXX`, left by an
/// interrupted -i) next to any of Files; not an error.
void warnStrayTemporaries(const std::set<std::string> &Files);

/// Ends a run whose exit status is Status: flushes stdout and returns 2
/// (named as `sctpify: error: could not write to standard output: ...`)
/// when stdout or stderr could not be written, Status otherwise (3, a
/// usage error, stays). LLVM would otherwise abort with status 1 when it
/// destroys a stream that holds an error.
int finishOutput(int Status);

/// The same check for the runs that never return to main (--help and
/// --version exit from the option parser): exits 2 instead of letting LLVM
/// abort. Call once, early in main.
void checkOutputAtExit();

/// `--list-rules`: id, kind and summary per rule.
void printRules(const RuleTable &Rules, llvm::raw_ostream &OS);

} // namespace sctpify

#endif
