//===- RuleTableEntry.h - A rule as written in YAML -------------*- C++ -*-===//
//
// Shared by the YAML reader (RuleFile.cpp) and the checks that turn entries
// into rules (RuleTable.cpp). Fields are optional because a rule may take
// them from its template.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_RULETABLEENTRY_H
#define SCTPIFY_ENGINE_RULETABLEENTRY_H

#include "engine/RuleTable.h"
#include <optional>
#include <string>
#include <vector>

namespace sctpify {

/// `yields-descriptor:` false, true, or mixed (converted only at run time).
enum class Yields { No, Converted, Mixed };

struct RuleTable::Entry {
  std::string Id;
  std::optional<std::string> Template;
  std::optional<RuleKind> Kind;
  std::optional<std::string> Severity;
  std::optional<std::string> Summary;
  std::vector<std::string> Match;
  std::vector<std::string> Where; ///< added to the template's
  std::optional<std::string> Descriptor;
  std::optional<bool> DescriptorKnownOnly;
  std::optional<bool> DescriptorMixedOnly;
  std::vector<std::string> ConstantArguments;
  std::optional<Yields> YieldsDescriptor;
  std::vector<std::string> FollowedByDiscarding;
  std::vector<std::string> InsteadOf;
  std::vector<std::string> Replace;
  std::vector<std::string> AtRunTime;
  std::vector<std::string> Headers;
  std::optional<std::string> Message, RunTimeMessage, Suggestion, Reference,
      Demonstration;
  std::optional<Example> Ex;
  std::string Origin;
};

} // namespace sctpify

#endif
