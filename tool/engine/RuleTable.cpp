//===- RuleTable.cpp - From written entries to checked rules --------------===//
#include "engine/RuleTable.h"
#include "engine/RuleTableEntry.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace sctpify {

static const std::pair<StringRef, StringRef> EmbeddedFiles[] = {
#include "EmbeddedRules.inc"
};

static const std::pair<StringRef, StringRef> EmbeddedModes[] = {
#include "EmbeddedModes.inc"
};

std::vector<std::pair<StringRef, StringRef>> embeddedRuleFiles() {
  return {std::begin(EmbeddedFiles), std::end(EmbeddedFiles)};
}

std::vector<std::pair<StringRef, StringRef>> embeddedModeFiles() {
  return {std::begin(EmbeddedModes), std::end(EmbeddedModes)};
}

Error RuleTable::addMode(StringRef Name) {
  std::string Known;
  for (const auto &[File, Text] : EmbeddedModes) {
    StringRef Mode = File;
    Mode.consume_back(".yaml");
    if (Mode == Name)
      return addYAML(Text, ("<builtin>/rules/modes/" + File).str());
    Known += (Known.empty() ? "" : ", ") + Mode.str();
  }
  return createStringError(inconvertibleErrorCode(),
                           "no porting mode '%s' (there are: %s)",
                           Name.str().c_str(), Known.c_str());
}

Expected<RuleTable> RuleTable::builtin() {
  RuleTable Table;
  for (const auto &[Name, Text] : EmbeddedFiles)
    if (Error E = Table.addYAML(Text, ("<builtin>/rules/" + Name).str()))
      return E;
  return Table;
}

namespace {

/// Collects every problem of one rule, to report them all at once.
class Problems {
public:
  Problems(const RuleTable::Entry &E, std::string &Out) : E(E), Out(Out) {}
  void add(const Twine &What) {
    Out += (E.Origin + ": rule '" + E.Id + "': " + What + "\n").str();
    Failed = true;
  }
  template <typename T> std::optional<T> take(Expected<T> Value) {
    if (Value)
      return std::move(*Value);
    add(toString(Value.takeError()));
    return std::nullopt;
  }
  bool Failed = false;

private:
  const RuleTable::Entry &E;
  std::string &Out;
};

/// The template's fields under the entry's: scalars and lists the entry
/// sets win; `where` conditions add up.
RuleTable::Entry merged(const RuleTable::Entry &T, const RuleTable::Entry &E) {
  RuleTable::Entry M = E;
  auto Fill = [](auto &Field, const auto &From) {
    if (!Field)
      Field = From;
  };
  Fill(M.Kind, T.Kind);
  Fill(M.Severity, T.Severity);
  Fill(M.Summary, T.Summary);
  Fill(M.Descriptor, T.Descriptor);
  Fill(M.DescriptorKnownOnly, T.DescriptorKnownOnly);
  Fill(M.DescriptorMixedOnly, T.DescriptorMixedOnly);
  if (M.ConstantArguments.empty())
    M.ConstantArguments = T.ConstantArguments;
  Fill(M.YieldsDescriptor, T.YieldsDescriptor);
  Fill(M.Message, T.Message);
  Fill(M.RunTimeMessage, T.RunTimeMessage);
  Fill(M.Suggestion, T.Suggestion);
  Fill(M.Reference, T.Reference);
  Fill(M.Demonstration, T.Demonstration);
  Fill(M.Ex, T.Ex);
  for (auto [Field, From] : {std::pair(&M.Match, &T.Match),
                             std::pair(&M.FollowedByDiscarding,
                                       &T.FollowedByDiscarding),
                             std::pair(&M.InsteadOf, &T.InsteadOf),
                             std::pair(&M.Replace, &T.Replace),
                             std::pair(&M.AtRunTime, &T.AtRunTime),
                             std::pair(&M.Headers, &T.Headers)})
    if (Field->empty())
      *Field = *From;
  M.Where = T.Where;
  llvm::append_range(M.Where, E.Where);
  return M;
}

/// The metavariables a pattern binds.
std::set<std::string> bound(const ParsedPattern &P) {
  std::set<std::string> Names;
  if (P.Call)
    Names.insert(P.Call->Args.begin(), P.Call->Args.end());
  if (P.Comparison)
    Names.insert(P.Comparison->Object);
  return Names;
}

} // namespace

static std::string arguments(size_t N) {
  return std::to_string(N) + (N == 1 ? " argument" : " arguments");
}

Error RuleTable::resolve() {
  std::string Report;
  Rules.clear();
  for (const std::shared_ptr<Entry> &Written : Entries) {
    Problems Complain(*Written, Report);
    Entry E = *Written;
    if (E.Template) {
      auto T = Templates.find(*E.Template);
      if (T == Templates.end()) {
        Complain.add("unknown template '" + *E.Template + "'");
        continue;
      }
      E = merged(*T->second, E);
    }
    Rule R;
    R.Id = E.Id;
    R.TemplateName = E.Template.value_or("");
    R.Origin = E.Origin;
    if (!StringRef(R.Id).starts_with("sctp-"))
      Complain.add("ids start with 'sctp-'");
    for (auto [Value, Key] :
         {std::pair(&E.Summary, "summary"), std::pair(&E.Message, "message"),
          std::pair(&E.Suggestion, "suggestion"),
          std::pair(&E.Reference, "reference")})
      if (!*Value)
        Complain.add(Twine("missing `") + Key + "`");
    if (!E.Kind || !E.Ex || E.Match.empty()) {
      Complain.add("a rule needs `kind`, `match` and `example`");
      continue;
    }
    R.Kind = *E.Kind;
    if (E.Severity) {
      if (std::optional<Severity> Level = parseSeverity(*E.Severity))
        R.Level = *Level;
      else
        Complain.add("`severity` is note, warning or error, not '" +
                     *E.Severity + "'");
    }
    R.Summary = E.Summary.value_or("");
    R.Message = E.Message.value_or("");
    R.RunTimeMessage = E.RunTimeMessage.value_or("");
    R.Suggestion = E.Suggestion.value_or("");
    R.Reference = E.Reference.value_or("");
    R.Demonstration = E.Demonstration.value_or("");
    R.Ex = *E.Ex;
    R.Headers = E.Headers;
    R.YieldsDescriptor =
        E.YieldsDescriptor.value_or(Yields::No) != Yields::No;
    R.YieldsMixed = E.YieldsDescriptor == Yields::Mixed;
    R.DescriptorKnownOnly = E.DescriptorKnownOnly.value_or(false);
    R.DescriptorMixedOnly = E.DescriptorMixedOnly.value_or(false);

    for (const std::string &Text : E.Match)
      if (auto P = Complain.take(parsePattern(Text)))
        R.Patterns.push_back(std::move(*P));
    if (Complain.Failed)
      continue;
    auto SortOf = [](const ParsedPattern &P) {
      return P.Call ? 0 : P.Type ? 1 : 2;
    };
    if (llvm::any_of(R.Patterns, [&](const ParsedPattern &P) {
          return SortOf(P) != SortOf(R.Patterns.front());
        }))
      Complain.add("`match` alternatives must all be calls, types or "
                   "comparisons");
    for (const std::string &Text : E.FollowedByDiscarding)
      if (auto P = Complain.take(parsePattern(Text))) {
        if (!P->Call)
          Complain.add("`followed-by-discarding` takes call patterns");
        for (Condition &C : P->Implied)
          if (Error Err = C.resolve(Constants))
            Complain.add(toString(std::move(Err)));
        R.FollowedByDiscarding.push_back(std::move(*P));
      }
    R.InsteadOf = E.InsteadOf;
    for (const std::string &Text : E.Where)
      if (auto C = Complain.take(Condition::parse(Text)))
        R.Where.push_back(std::move(*C));
    for (const std::string &Text : E.Replace)
      if (auto T = Complain.take(Template::parse(Text)))
        R.Replace.push_back(std::move(*T));
    for (const std::string &Text : E.AtRunTime)
      if (auto T = Complain.take(Template::parse(Text)))
        R.AtRunTime.push_back(std::move(*T));
    if (E.Descriptor) {
      StringRef Name = *E.Descriptor;
      if (!Name.consume_front("$"))
        Complain.add("`descriptor` names a metavariable, e.g. `$fd`");
      R.Descriptor = Name.str();
    }
    for (StringRef Name : E.ConstantArguments) {
      if (!Name.consume_front("$"))
        Complain.add("`constant-arguments` names metavariables, e.g. `$request`");
      R.ConstantArguments.push_back(Name.str());
    }

    for (auto [List, Key] : {std::pair(&R.Replace, "replace"),
                             std::pair(&R.AtRunTime, "at-run-time")})
      if (List->size() > 1 && List->size() != R.Patterns.size())
        Complain.add(Twine("`") + Key + "` has one entry, or one per `match` "
                     "entry");
    if (Complain.Failed)
      continue;
    // Every name the rule reads or writes must be bound by each pattern it
    // applies to.
    for (size_t I = 0; I < R.Patterns.size(); ++I) {
      std::set<std::string> Names = bound(R.Patterns[I]);
      auto Require = [&](const std::string &Name, StringRef Where) {
        if (!Names.count(Name))
          Complain.add("$" + Name + " in " + Where + " is not bound by `" +
                       E.Match[I] + "`");
      };
      for (const Condition &C : R.Where)
        for (const std::string &Name : C.metavariables())
          Require(Name, "`where`");
      if (!R.Descriptor.empty())
        Require(R.Descriptor, "`descriptor`");
      for (const std::string &Name : R.ConstantArguments)
        Require(Name, "`constant-arguments`");
      for (const Template *T : {R.replacementFor(I), R.runTimeFormFor(I)})
        if (T)
          for (const std::string &Name : T->metavariables())
            Require(Name, "`" + T->text() + "`");
      // The same function with other arguments would not compile, or would
      // call what the ported program does not mean (a dropped argument).
      const std::optional<CallPattern> &Call = R.Patterns[I].Call;
      for (const Template *T : {R.replacementFor(I), R.runTimeFormFor(I)})
        if (Call && !Call->Variadic && T && T->call() &&
            T->call()->Callee == Call->Callee &&
            T->call()->Args.size() != Call->Args.size())
          Complain.add("`" + T->text() + "` calls " + Call->Callee + " with " +
                       arguments(T->call()->Args.size()) + ", but `" +
                       E.Match[I] + "` matches it with " +
                       arguments(Call->Args.size()));
    }
    if (R.Kind == RuleKind::Rewrite && R.Replace.empty())
      Complain.add("a `rewrite` rule needs `replace`");
    if (R.Kind == RuleKind::Flag && (!R.Replace.empty() || !R.AtRunTime.empty()))
      Complain.add("a `flag` rule cannot have `replace` or `at-run-time`");
    if ((!R.Replace.empty() || R.YieldsDescriptor || !R.Descriptor.empty()) &&
        !R.matchesCalls())
      Complain.add("only call patterns can be replaced, yield or take a "
                   "descriptor");
    if (R.Patterns.front().Type && !R.Where.empty())
      Complain.add("a type pattern has no metavariables for `where`");
    for (const Template &T : R.AtRunTime)
      for (const std::string &Name : T.metavariables())
        if (T.occurrences(Name) > 1)
          Complain.add("$" + Name + " appears twice in `" + T.text() +
                       "`: an at-run-time form evaluates each argument once");
    for (const std::vector<Template> *List : {&R.Replace, &R.AtRunTime})
      for (const Template &T : *List)
        if (T.call() && StringRef(T.call()->Callee).starts_with("sctpify_") &&
            !Helpers.count(T.call()->Callee))
          Complain.add("`" + T.call()->Callee + "` is not in any `helpers:`");

    for (ParsedPattern &P : R.Patterns)
      for (Condition &C : P.Implied)
        if (Error Err = C.resolve(Constants))
          Complain.add(toString(std::move(Err)));
    for (Condition &C : R.Where)
      if (Error Err = C.resolve(Constants))
        Complain.add(toString(std::move(Err)));
    if (!Complain.Failed)
      Rules.push_back(std::move(R));
  }
  for (const Rule &R : Rules)
    for (const std::string &Other : R.InsteadOf)
      if (!llvm::any_of(Entries, [&](const std::shared_ptr<Entry> &E) {
            return E->Id == Other;
          }))
        Report += R.Origin + ": rule '" + R.Id + "': `instead-of` names "
                  "unknown rule '" + Other + "'\n";
  for (const auto &[Name, H] : Helpers)
    for (const std::string &Used : H.Uses)
      if (!Helpers.count(Used))
        Report += H.Origin + ": helper '" + Name.str() +
                  "' calls unknown helper '" + Used + "'\n";
  if (!Report.empty())
    return createStringError(inconvertibleErrorCode(), "%s",
                             StringRef(Report).rtrim().str().c_str());
  return Error::success();
}

void RuleTable::select(StringRef Enable, StringRef Disable) {
  // clang-tidy's own glob lists, with their order and `-` semantics.
  clang::tidy::GlobList Enabled(Enable.trim().empty() ? "*" : Enable);
  std::optional<clang::tidy::GlobList> Disabled;
  if (!Disable.trim().empty())
    Disabled.emplace(Disable);
  llvm::erase_if(Rules, [&](const Rule &R) {
    return !Enabled.contains(R.Id) || (Disabled && Disabled->contains(R.Id));
  });
}

std::optional<Severity> parseSeverity(StringRef Word) {
  return StringSwitch<std::optional<Severity>>(Word)
      .Case("note", Severity::Note)
      .Case("warning", Severity::Warning)
      .Case("error", Severity::Error)
      .Default(std::nullopt);
}

StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  llvm_unreachable("unknown severity");
}

void RuleTable::makeFlags(StringRef Globs) {
  clang::tidy::GlobList Selected(Globs);
  for (Rule &R : Rules)
    if (R.Kind == RuleKind::Rewrite && Selected.contains(R.Id)) {
      R.Kind = RuleKind::Flag;
      R.Replace.clear();
      R.AtRunTime.clear();
    }
}

void RuleTable::setSeverity(StringRef Globs, Severity Level) {
  clang::tidy::GlobList Selected(Globs);
  for (Rule &R : Rules)
    if (Selected.contains(R.Id))
      R.Level = Level;
}

const Rule *RuleTable::find(StringRef Id) const {
  auto It = llvm::find_if(Rules, [&](const Rule &R) { return R.Id == Id; });
  return It == Rules.end() ? nullptr : &*It;
}

std::string RuleTable::wording(StringRef Key, StringRef Default) const {
  auto It = Wording.find(Key);
  return It == Wording.end() ? Default.str() : It->second;
}

} // namespace sctpify
