//===- RuleTable.h - The declarative rules sctpify applies ------*- C++ -*-===//
//
// A rule says what TCP-era code looks like (a call and constraints on its
// arguments, a type, or a comparison), and either how its SCTP form is written
// (kind: rewrite) or why it has no drop-in SCTP form (kind: flag). Rules are
// data: they come from rules/*.yaml, compiled in, plus --rules files. Nothing
// in the engine names a specific socket option; everything specific is here.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_RULETABLE_H
#define SCTPIFY_ENGINE_RULETABLE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sctpify {

/// A value a rule compares an argument with: a symbolic name from the
/// constants table (AF_INET) or a plain integer (0). Resolved to a number when
/// the table is loaded, so the engine compares values, never spellings.
struct ValueRef {
  std::string Spelling;
  int64_t Value = 0;
};

/// A constraint on one argument of a matched call.
struct ArgConstraint {
  unsigned Index = 0;
  std::vector<ValueRef> Is;           ///< the value is one of these...
  std::vector<ValueRef> IgnoringBits; ///< ...after masking off these bits
  std::vector<ValueRef> HasAnyBit;    ///< value & (OR of these) != 0
  std::optional<std::string> String;  ///< a string literal equal to this
};

/// Replace the whole text of argument Index with To.
struct ArgRewrite {
  unsigned Index = 0;
  std::string To;
};

/// `==`/`!=` between a member named Member (of any struct) and a value.
struct CompareMatch {
  std::string Member;
  std::vector<ValueRef> Is;
};

struct Example {
  std::string Before;
  std::string After;
};

enum class RuleKind { Rewrite, Flag };

struct Rule {
  std::string Id;
  RuleKind Kind = RuleKind::Flag;
  std::string Summary;
  // Exactly one of Calls, Type, Compare says what the rule matches.
  std::vector<std::string> Calls;
  std::vector<ArgConstraint> Args;
  std::optional<unsigned> SocketArg;
  std::string Type;
  std::optional<CompareMatch> Compare;

  std::vector<ArgRewrite> Rewrites;
  /// For a rule with a socket-arg: an expression, with ${N} standing for
  /// argument N, that is true when the descriptor is an SCTP socket. Used to
  /// rewrite a call whose descriptor may hold a converted socket or not.
  std::string DescriptorTest;
  std::vector<std::string> Headers;
  std::string Message;
  std::string Suggestion;
  std::string Reference;
  /// Where a test shows the behaviour at run time (test/e2e/...).
  std::string Demonstration;
  Example Ex;
  std::string Origin; ///< the file the rule was loaded from
};

class RuleTable {
public:
  /// The rules compiled into sctpify from rules/*.yaml.
  static llvm::Expected<RuleTable> builtin();

  /// Parses YAML text holding `constants:` and/or `rules:`; a rule whose id
  /// already exists replaces it. Call resolve() once everything is added.
  llvm::Error addYAML(llvm::StringRef Text, llvm::StringRef Origin);
  llvm::Error addFile(llvm::StringRef Path);

  /// Turns every symbolic value into its number; fails on unknown names and
  /// on rules that are not well formed.
  llvm::Error resolve();

  /// Keeps only the rules selected by comma-separated globs: Enable picks
  /// (empty = all), Disable removes; `-` before a glob in Enable also removes.
  llvm::Error select(llvm::StringRef Enable, llvm::StringRef Disable);

  const std::vector<Rule> &rules() const { return Rules; }
  const Rule *find(llvm::StringRef Id) const;
  const llvm::StringMap<int64_t> &constants() const { return Constants; }
  /// Small functions a rewrite may call, by name: their definitions are
  /// added to a file that uses one and does not declare it yet.
  const llvm::StringMap<std::string> &helpers() const { return Helpers; }

private:
  std::vector<Rule> Rules;
  llvm::StringMap<int64_t> Constants;
  llvm::StringMap<std::string> Helpers;
};

/// The names of the embedded rule files and their text (for tests, docs).
std::vector<std::pair<llvm::StringRef, llvm::StringRef>> embeddedRuleFiles();

} // namespace sctpify

#endif
