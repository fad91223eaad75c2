//===- Condition.h - A rule's `where:` conditions, as C expressions -*- C++ -*-//
//
// A rule constrains its metavariables with C expressions over them and named
// constants: `$domain == AF_INET || $domain == AF_INET6`,
// `($type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) == SOCK_STREAM`,
// `$flags & MSG_OOB`, `$proto == "tcp"`. They are evaluated over what the
// compiler knows of each argument, in three values: an argument only known at
// run time makes a condition unknown unless the known parts already decide it
// (`0 && $x` is false). Constants are names from the rule table's
// `constants:`, resolved to numbers once, so the engine compares values,
// never spellings.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_CONDITION_H
#define SCTPIFY_ENGINE_CONDITION_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>

namespace sctpify {

/// What is known of a metavariable's value at compile time.
struct Value {
  std::variant<std::monostate, int64_t, std::string> V;
  static Value unknown() { return {}; }
  bool known() const { return !std::holds_alternative<std::monostate>(V); }
};

/// The outcome of a condition: decided either way, or only at run time.
enum class Truth { False, True, Unknown };

class Condition {
public:
  /// Parses Text. Metavariables are `$name`; other identifiers are constants,
  /// resolved later by resolve(). Errors name the offending column.
  static llvm::Expected<Condition> parse(llvm::StringRef Text);

  /// A condition that holds when the argument equals the constant expression
  /// Text (a pattern written `f($fd, IPPROTO_TCP)` means `$arg == IPPROTO_TCP`).
  static llvm::Expected<Condition> equals(llvm::StringRef Metavariable,
                                          llvm::StringRef Text);

  /// Replaces every constant name by its value; fails on an unknown name.
  llvm::Error resolve(const llvm::StringMap<int64_t> &Constants);

  /// Evaluates with each metavariable's value from Lookup.
  Truth evaluate(const std::function<Value(llvm::StringRef)> &Lookup) const;

  /// The metavariables the condition reads (without `$`).
  const std::set<std::string> &metavariables() const { return Metavariables; }
  /// The condition as written in the rule.
  const std::string &text() const { return Text; }

  Condition(Condition &&);
  Condition &operator=(Condition &&);
  Condition(const Condition &Other);
  Condition &operator=(const Condition &Other);
  ~Condition();

  struct Node;

private:
  Condition() = default;
  std::string Text;
  std::unique_ptr<Node> Root;
  std::set<std::string> Metavariables;
};

} // namespace sctpify

#endif
