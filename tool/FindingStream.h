//===- FindingStream.h - Findings printed as their TUs complete -*- C++ -*-===//
//
// A run over a project prints a TU's findings as soon as the TU is done,
// as run-clang-tidy does, rather than after the last TU: on 120 files the
// first finding used to appear at 2.27 s of 2.31 s. The order stays the
// run's, whatever order the threads finish in: a TU is printed once every
// TU before it has been.
//
// Only what no other TU can change is printed early: findings in the TU's
// own main file, when no macro-body decision (settled over every expansion
// of the run) adds one there. A header's findings (several TUs see them;
// the merge keeps one) and those main files wait for the end.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_FINDINGSTREAM_H
#define SCTPIFY_FINDINGSTREAM_H

#include "engine/LineFilter.h"
#include "engine/Runner.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace sctpify {

class FindingStream {
public:
  /// Order: the run's main files, in job order. Lines: --line-filter, or
  /// null. Findings go to OS, as printFindings prints them; with InPlace
  /// (-i), a rewrite says its fix is applied.
  FindingStream(const std::vector<std::string> &Order, const LineFilter *Lines,
                llvm::raw_ostream &OS, bool Color, bool InPlace);

  /// RunOptions::Completed's work for one TU: prints its final findings,
  /// and those of any later TU that was waiting for it. Not thread-safe;
  /// runRules calls it one TU at a time.
  void completed(const TUResult &TU);

  /// Whether F was printed already (the end of the run prints the rest).
  bool printed(const Finding &F) const;

private:
  static std::string key(const Finding &F);
  void print(const std::vector<Finding> &Findings);

  const LineFilter *Lines;
  llvm::raw_ostream &OS;
  bool Color, InPlace;
  std::map<std::string, size_t> Position; ///< main file -> its job index
  std::map<size_t, std::vector<Finding>> Waiting;
  size_t Next = 0; ///< the first job index not printed yet
  llvm::StringSet<> Printed;
};

} // namespace sctpify

#endif
