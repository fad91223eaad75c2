//===- Merge.h - The one step that turns TU results into a run --*- C++ -*-===//
//
// Every policy that needs more than one TU lives here, in this order:
// macro decisions over all expansions; one finding per place (a header seen
// by several TUs); the line filter; one insertion of headers and helpers per
// file, from the findings that remain; the edits per file, with conflicts
// found by sorting their ranges; and the counts the summary and the reports
// print.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_MERGE_H
#define SCTPIFY_ENGINE_MERGE_H

#include "engine/Finding.h"
#include "engine/LineFilter.h"
#include "engine/TUResult.h"
#include "clang/Tooling/Core/Replacement.h"
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace sctpify {

/// The edits of one file and the contents they were computed for.
struct FileEdits {
  clang::tooling::Replacements Replacements;
  uint64_t ContentHash = 0; ///< xxh3 of the parsed contents
};
using EditMap = std::map<std::string, FileEdits>;

/// The counts a run ends with, shared by the text summary and the reports.
struct Summary {
  unsigned TranslationUnits = 0, Skipped = 0, Failed = 0;
  unsigned Rewrites = 0, Reviews = 0, Flags = 0, Suppressed = 0;
  unsigned FilesChanged = 0;
  std::map<std::string, unsigned> ByRule; ///< unsuppressed findings per rule
  std::vector<std::string> Files;         ///< the translation units of the run
  /// Files outside the project where a rule had something to look at.
  std::vector<std::string> OutsideProject;
  std::string ProjectRoot, ProjectRootFrom; ///< the root, and how it was found
  /// The porting modes of the run's TUs other than the default ("tcp").
  std::set<std::string> FallbackModes;
  /// Every error of the run, once: (file or "", message). The exit status
  /// is 2 exactly when this is not empty.
  std::vector<std::pair<std::string, std::string>> Errors;
};

struct MergedRun {
  /// Sorted by file and offset, each once; the insertion a file needs rides
  /// on its first unsuppressed rewrite, so any tool applying the fixes per
  /// diagnostic (clang-apply-replacements) inserts it once.
  std::vector<Finding> Findings;
  EditMap Edits;                        ///< unsuppressed fixes, by file
  std::vector<std::string> FailedFiles; ///< main files Clang could not parse
  /// Files whose edits disagree between TUs or overlap; left unchanged.
  std::vector<std::string> Conflicts;
  /// Why each file in Conflicts is left unchanged, and what the user can
  /// do about it; completes "'<file>' is left unchanged: ".
  std::map<std::string, std::string> ConflictReasons;
  /// Every main file, and every project header a parsed TU read.
  std::set<std::string> ProjectFiles;
  Summary Totals;
};

MergedRun mergeResults(std::vector<TUResult> TUs, const LineFilter *Lines);

} // namespace sctpify

#endif
