//===- Pattern.h - Code-shaped match and replacement text -------*- C++ -*-===//
//
// A rule says what it matches as the code looks:
//
//   socket($domain, $type, $protocol)           a call; `$x` binds an argument
//   setsockopt($fd, IPPROTO_TCP, $opt, ...)     a constant is a value test;
//                                               `...` allows further arguments
//   shutdown($fd, SHUT_WR);                     a trailing `;`: the call is a
//                                               statement of its own
//   struct tcp_info / asio::ip::tcp             a type
//   $ai->ai_protocol == IPPROTO_TCP             a member compared with a value
//                                               (`.` or `->`, `==` or `!=`,
//                                               either operand order)
//
// and what it writes as a template over the same metavariables:
// `socket($domain, $type, IPPROTO_SCTP)`. Like Clang Transformer's `cat()`
// over bound nodes, but spelled in C so the rule reads like the port.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_PATTERN_H
#define SCTPIFY_ENGINE_PATTERN_H

#include "engine/Condition.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sctpify {

/// A call as a pattern or as a replacement: callee and argument texts.
struct CallShape {
  std::string Callee;
  std::vector<std::string> Args; ///< trimmed argument texts
  bool Variadic = false;         ///< a trailing `...` (patterns only)
  bool Statement = false;        ///< a trailing `;`
};

/// Splits `callee(a, (b, c), d)` at its top-level commas; nothing if the text
/// is not one call (optionally followed by `;`).
std::optional<CallShape> parseCallShape(llvm::StringRef Text);

/// A call pattern. Every argument position has a metavariable: the one
/// written, or for a constant position a synthetic one (`@2`) that carries
/// an equality condition.
struct CallPattern {
  std::string Text;
  std::string Callee;
  std::vector<std::string> Args; ///< metavariable names, by position
  bool Variadic = false;
  bool Statement = false;
};

struct TypePattern {
  std::string Text;
  std::string Name; ///< `tcp_info`, or qualified `asio::ip::tcp`
};

struct ComparisonPattern {
  std::string Text;
  std::string Object; ///< the metavariable before `.`/`->`
  std::string Member;
  /// The synthetic metavariable `@value` holds the other operand.
  static constexpr const char *ValueName = "@value";
};

/// What a `match:` entry is, with the conditions its constants imply.
struct ParsedPattern {
  std::optional<CallPattern> Call;
  std::optional<TypePattern> Type;
  std::optional<ComparisonPattern> Comparison;
  std::vector<Condition> Implied;
};

llvm::Expected<ParsedPattern> parsePattern(llvm::StringRef Text);

/// Replacement text with `$name` holes.
class Template {
public:
  static llvm::Expected<Template> parse(llvm::StringRef Text);

  /// The text with every `$name` replaced by Fill(name).
  std::string
  substitute(const std::function<std::string(llvm::StringRef)> &Fill) const;

  const std::string &text() const { return Text; }
  const std::set<std::string> &metavariables() const { return Metavariables; }
  /// How many times `$Name` appears (outside string literals).
  unsigned occurrences(llvm::StringRef Name) const;
  /// Set when the template is one call: edits can then touch only the
  /// callee and the arguments that differ from the match.
  const std::optional<CallShape> &call() const { return Call; }

private:
  std::string Text;
  std::set<std::string> Metavariables;
  std::optional<CallShape> Call;
};

} // namespace sctpify

#endif
