//===- RuleTable.h - The declarative rules sctpify applies ------*- C++ -*-===//
//
// A rule reads like the code it changes (see Pattern.h and Condition.h):
//
//   - id: sctp-socket-protocol
//     kind: rewrite
//     match: socket($domain, $type, $protocol)
//     where:
//       - $domain == AF_INET || $domain == AF_INET6
//       - ($type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) == SOCK_STREAM
//       - $protocol == 0 || $protocol == IPPROTO_TCP
//     replace: socket($domain, $type, IPPROTO_SCTP)
//     at-run-time: sctpify_socket($domain, $type, $protocol)
//
// Everything about sockets lives in rules/*.yaml: the rules, the constants
// they name, the helpers a port may call, the calls that never yield a
// convertible descriptor, and the words messages use. The engine evaluates
// patterns and conditions; it knows no socket API.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_RULETABLE_H
#define SCTPIFY_ENGINE_RULETABLE_H

#include "engine/Condition.h"
#include "engine/Pattern.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sctpify {

enum class RuleKind {
  Rewrite, ///< sctpify writes the port
  Flag,    ///< sctpify reports code that has no ported form it can write
};

/// Code that shows the rule; `sctpify --verify-rules` runs it through the
/// engine, so the documentation cannot drift from what the tool does.
/// How much a finding matters to the ported program; `--check` fails from a
/// threshold (`--fail-on`, default warning).
enum class Severity {
  Note,    ///< it works; a cost or a fact worth knowing (sendfile copies)
  Warning, ///< it behaves differently, or is not ported yet
  Error,   ///< the ported program fails here (a TCP-level option)
};

/// "note", "warning", "error"; nothing for another word.
std::optional<Severity> parseSeverity(llvm::StringRef Word);
llvm::StringRef severityName(Severity S);

struct Example {
  std::string Before;
  std::string After;  ///< the port a rewrite writes, or the SCTP code a flag suggests
  std::string Declarations; ///< file-scope code the example needs
  std::string Context; ///< statements before it, inside its function
  std::string Language = "c"; ///< or "c++"
};

struct Rule {
  std::string Id;
  RuleKind Kind = RuleKind::Flag;
  Severity Level = Severity::Warning;
  std::string Summary;
  std::string TemplateName; ///< the `template:` it was built from, if any

  /// What it matches: alternatives, all of one sort (calls, a type or a
  /// comparison). Each carries the conditions its constants imply.
  std::vector<ParsedPattern> Patterns;
  /// `where:`, over the patterns' metavariables; all must hold.
  std::vector<Condition> Where;
  /// The metavariable holding a descriptor whose origin decides the rule:
  /// it does not apply where the descriptor never holds what a
  /// `yields-descriptor` rule converts.
  std::string Descriptor;
  /// The rule applies only where the analysis traces the descriptor to a
  /// converted socket (or one decided at run time); a descriptor it cannot
  /// trace says nothing. For calls that also take files and pipes (write).
  bool DescriptorKnownOnly = false;
  /// The rule applies only where the descriptor is decided at run time
  /// (mixed): a helper that picks the transport when the program runs has
  /// nothing to do on a socket known to be converted, which the other
  /// rules port as such.
  bool DescriptorMixedOnly = false;
  /// Metavariables (without `$`) that must be compile-time constants for the
  /// rule to apply: where one is only known at run time the call is a
  /// generic wrapper (`ioctl(fd, request, arg)` passed through), which no
  /// single port fits, so the rule says nothing there.
  std::vector<std::string> ConstantArguments;
  /// What this rule's call returns is such a descriptor: converted where the
  /// rule rewrites the call, left alone where it does not match, decided at
  /// run time where its at-run-time form is used.
  bool YieldsDescriptor = false;
  /// `yields-descriptor: mixed`: even where the rule rewrites the call, the
  /// descriptor is converted or not only at run time (a port that falls
  /// back to the original protocol), so rules on it take their
  /// `at-run-time` forms.
  bool YieldsMixed = false;

  /// The rule applies only where, later in the same function, calls like
  /// these read from what the match binds into locals nothing else reads:
  /// the data is drained and dropped (a lingering close).
  std::vector<ParsedPattern> FollowedByDiscarding;
  /// Rules that say nothing at a call this rule applies to (a specific port
  /// that replaces a general flag).
  std::vector<std::string> InsteadOf;

  /// The ported code, one per pattern or one for all.
  std::vector<Template> Replace;
  /// The port where a condition or the descriptor is only known at run
  /// time; each original argument must appear once, so it is evaluated once.
  std::vector<Template> AtRunTime;

  std::vector<std::string> Headers; ///< declare the names `replace` adds
  std::string Message;
  /// The message where the values that decide the rule are only known at
  /// run time, so that the call may be any rule of the family (a wrapper's
  /// `setsockopt(fd, level, name, ...)`); empty: Message.
  std::string RunTimeMessage;
  std::string Suggestion;
  std::string Reference;     ///< RFC section, kernel function, header line
  std::string Demonstration; ///< where a test shows it at run time
  Example Ex;
  std::string Origin; ///< the file the rule was loaded from

  bool matchesCalls() const {
    return !Patterns.empty() && Patterns.front().Call.has_value();
  }
  const Template *replacementFor(size_t Pattern) const {
    return pick(Replace, Pattern);
  }
  const Template *runTimeFormFor(size_t Pattern) const {
    return pick(AtRunTime, Pattern);
  }

private:
  static const Template *pick(const std::vector<Template> &List, size_t I) {
    if (List.empty())
      return nullptr;
    return List.size() == 1 ? &List.front() : &List[I];
  }
};

/// Code a port may call, added once to a file that uses it.
struct Helper {
  std::string Name;
  std::string Code;
  std::vector<std::string> Headers; ///< what its code needs declared
  std::vector<std::string> Uses;    ///< other helpers its code calls
  std::string Origin;               ///< the file it was loaded from
};

class RuleTable {
public:
  /// The rules compiled into sctpify from rules/*.yaml.
  static llvm::Expected<RuleTable> builtin();

  /// Adds one YAML document: `constants:`, `wording:`, `descriptor-sources:`,
  /// `helpers:`, `templates:` and/or `rules:`. A rule whose id exists
  /// replaces it. Call resolve() once everything is added.
  llvm::Error addYAML(llvm::StringRef Text, llvm::StringRef Origin);
  llvm::Error addFile(llvm::StringRef Path);
  /// Adds the embedded rule file of a porting mode (rules/modes/NAME.yaml),
  /// after the built-in rules and before the user's; an error names the
  /// modes there are.
  llvm::Error addMode(llvm::StringRef Name);

  /// Builds every rule from its entry and template, resolves constant names
  /// to numbers and checks that each rule is well formed. All problems are
  /// reported at once, each with the rule's file and id.
  llvm::Error resolve();

  /// Keeps the rules a clang-tidy style glob list selects (`-*,sctp-oob-*`:
  /// ordered, later globs win, `-` removes), minus those Disable's globs
  /// select. An empty Enable selects every rule.
  void select(llvm::StringRef Enable, llvm::StringRef Disable);

  /// Makes the rewrite rules Globs select flags: they report what they
  /// would port, with their suggestion, and write nothing (for projects
  /// that prefer to port some things by hand).
  void makeFlags(llvm::StringRef Globs);

  /// Gives the rules Globs select (clang-tidy glob list) another severity.
  void setSeverity(llvm::StringRef Globs, Severity Level);

  const std::vector<Rule> &rules() const { return Rules; }
  const Rule *find(llvm::StringRef Id) const;
  const llvm::StringMap<int64_t> &constants() const { return Constants; }
  const llvm::StringMap<Helper> &helpers() const { return Helpers; }
  /// Calls whose descriptors no rule ever converts.
  bool neverConverted(llvm::StringRef Callee) const {
    return NeverConverted.contains(Callee);
  }
  /// For a call whose descriptor is the one an argument holds (a connection
  /// accepted on a listener), that argument's index, from 0.
  std::optional<unsigned> sameAsArgument(llvm::StringRef Callee) const {
    auto It = SameAsArgument.find(Callee);
    return It == SameAsArgument.end()
               ? std::nullopt
               : std::optional<unsigned>(It->second.Index);
  }
  /// The rule file that set Callee's `same-as-argument` index (empty for
  /// none), for an error when the index is past the function's parameters.
  llvm::StringRef sameAsArgumentOrigin(llvm::StringRef Callee) const {
    auto It = SameAsArgument.find(Callee);
    return It == SameAsArgument.end() ? llvm::StringRef()
                                      : llvm::StringRef(It->second.Origin);
  }
  /// File-scope code (includes, declarations) every example is compiled with.
  const std::string &examplePrelude() const { return ExamplePrelude; }
  /// A phrase from `wording:`, or Default when the table has none.
  std::string wording(llvm::StringRef Key, llvm::StringRef Default) const;

  struct Entry; ///< a rule or template as written, before resolve()

private:
  std::vector<Rule> Rules;
  std::vector<std::shared_ptr<Entry>> Entries;
  llvm::StringMap<std::shared_ptr<Entry>> Templates;
  llvm::StringMap<int64_t> Constants;
  llvm::StringMap<Helper> Helpers;
  llvm::StringMap<std::string> Wording;
  llvm::StringSet<> NeverConverted;
  struct ArgumentIndex {
    unsigned Index = 0;
    std::string Origin;
  };
  llvm::StringMap<ArgumentIndex> SameAsArgument;
  std::string ExamplePrelude;
};

/// The names of the embedded rule files and their text (for tests, docs).
std::vector<std::pair<llvm::StringRef, llvm::StringRef>> embeddedRuleFiles();
/// The same for the porting modes' files (rules/modes/*.yaml).
std::vector<std::pair<llvm::StringRef, llvm::StringRef>> embeddedModeFiles();

} // namespace sctpify

#endif
