//===- TUResult.h - What one translation unit contributes -------*- C++ -*-===//
//
// Everything the merge step needs from a TU, detached from its AST: the
// findings, the macro expansions whose decision needs every TU, and for each
// file it would edit, where new lines may go and which contents it parsed.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_TURESULT_H
#define SCTPIFY_ENGINE_TURESULT_H

#include "engine/Finding.h"
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sctpify {

/// One expansion of a macro whose body spells a call a rewrite rule looks
/// at. Whether the definition may be rewritten depends on every expansion,
/// in every TU, so the decision is made when all TUs are in.
struct MacroUse {
  std::string Key;        ///< rule id + where the macro is defined
  bool Applies = false;   ///< the rule matches, or may, at this expansion
  bool Qualifies = false; ///< it matches and the edit lies in the body
  std::vector<std::string> Texts; ///< the definition's new text, if it qualifies
  std::optional<Finding> DefinitionRewrite; ///< the edit of the definition
  std::optional<Finding> Review;            ///< what to say otherwise
};

/// Where a file takes added lines (headers, helpers): after the last
/// #include that every use sees, in the file's own line endings.
struct InsertionPoint {
  unsigned Offset = 0;
  bool CRLF = false;           ///< the file ends its lines with \r\n
  bool NeedsLeadingNewline = false; ///< at the end of a file with no final newline
};

struct TUResult {
  std::string MainFile;
  /// Clang could not read, preprocess or parse the TU as asked: nothing
  /// from it is trusted.
  bool Failed = false;
  /// What clang printed for the TU (errors, warnings), to be shown whole.
  std::string CompilerDiagnostics;
  std::vector<Finding> Findings;
  std::vector<MacroUse> MacroUses;
  /// Per edited file (absolute path).
  std::map<std::string, InsertionPoint> Insertions;
  std::map<std::string, uint64_t> ContentHashes;
  /// Files outside the project (not under the project root, not matching
  /// the header filter) where a rule had something to look at.
  std::set<std::string> OutsideProject;
  /// For each call a rule looked at outside the main file ("path:line:col"),
  /// what this TU made of it: the findings and edit texts, empty for none.
  /// TUs that compile a header differently may disagree (-D, #ifdef).
  std::map<std::string, std::string> HeaderDecisions;
  /// Every file of the project (in scope) the TU read, the main file and
  /// its headers: where -i could write, and so where stray temporaries of an
  /// interrupted run are looked for.
  std::set<std::string> ProjectFiles;
  /// The code of every helper a finding of this TU needs, by name.
  std::map<std::string, std::string> HelperCode;
};

} // namespace sctpify

#endif
