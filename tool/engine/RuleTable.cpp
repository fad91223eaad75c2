//===- RuleTable.cpp - Loading rules/*.yaml with LLVM's YAML I/O ----------===//
#include "engine/RuleTable.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"

using namespace llvm;

namespace {
// The on-disk shape of a rule file. It mirrors sctpify::Rule but keeps the
// YAML spelling (e.g. `call` may be one name or a list, `kind` is a word).
struct RuleFile {
  std::map<std::string, int64_t> Constants;
  std::map<std::string, std::string> Helpers;
  std::vector<sctpify::Rule> Rules;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(sctpify::Rule)
LLVM_YAML_IS_SEQUENCE_VECTOR(sctpify::ArgConstraint)
LLVM_YAML_IS_SEQUENCE_VECTOR(sctpify::ArgRewrite)
LLVM_YAML_IS_FLOW_SEQUENCE_VECTOR(sctpify::ValueRef)

namespace llvm::yaml {

template <> struct ScalarTraits<sctpify::ValueRef> {
  static void output(const sctpify::ValueRef &V, void *, raw_ostream &OS) {
    OS << V.Spelling;
  }
  static StringRef input(StringRef S, void *, sctpify::ValueRef &V) {
    V.Spelling = S.str();
    return {};
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};

template <> struct ScalarEnumerationTraits<sctpify::RuleKind> {
  static void enumeration(IO &IO, sctpify::RuleKind &K) {
    IO.enumCase(K, "rewrite", sctpify::RuleKind::Rewrite);
    IO.enumCase(K, "flag", sctpify::RuleKind::Flag);
  }
};

template <> struct MappingTraits<sctpify::ArgConstraint> {
  static void mapping(IO &IO, sctpify::ArgConstraint &C) {
    IO.mapRequired("index", C.Index);
    IO.mapOptional("is", C.Is);
    IO.mapOptional("ignoring-bits", C.IgnoringBits);
    IO.mapOptional("has-any-bit", C.HasAnyBit);
    IO.mapOptional("string", C.String);
  }
};

template <> struct MappingTraits<sctpify::ArgRewrite> {
  static void mapping(IO &IO, sctpify::ArgRewrite &R) {
    IO.mapRequired("index", R.Index);
    IO.mapRequired("to", R.To);
  }
};

template <> struct MappingTraits<sctpify::CompareMatch> {
  static void mapping(IO &IO, sctpify::CompareMatch &C) {
    IO.mapRequired("member", C.Member);
    IO.mapRequired("is", C.Is);
  }
};

template <> struct MappingTraits<sctpify::Example> {
  static void mapping(IO &IO, sctpify::Example &E) {
    IO.mapRequired("before", E.Before);
    IO.mapRequired("after", E.After);
  }
};

/// `call:` names one function or a list of them.
struct CallNames {
  std::string One;
  std::vector<std::string> Many;
  struct NoMap {} Map;
};
template <> struct MappingTraits<CallNames::NoMap> {
  static void mapping(IO &, CallNames::NoMap &) {}
};
template <> struct PolymorphicTraits<CallNames> {
  static NodeKind getKind(const CallNames &C) {
    return C.Many.size() == 1 ? NodeKind::Scalar : NodeKind::Sequence;
  }
  static std::string &getAsScalar(CallNames &C) { return C.One; }
  static CallNames::NoMap &getAsMap(CallNames &C) { return C.Map; }
  static std::vector<std::string> &getAsSequence(CallNames &C) {
    return C.Many;
  }
};

/// `match:` is a nested mapping in YAML but flat fields in sctpify::Rule.
struct MatchSection {
  sctpify::Rule &R;
};
template <> struct MappingTraits<MatchSection> {
  static void mapping(IO &IO, MatchSection &M) {
    CallNames Calls;
    Calls.Many = M.R.Calls;
    if (Calls.Many.size() == 1)
      Calls.One = Calls.Many.front();
    IO.mapOptional("call", Calls);
    if (!IO.outputting())
      M.R.Calls = Calls.One.empty() ? Calls.Many
                                    : std::vector<std::string>{Calls.One};
    IO.mapOptional("args", M.R.Args);
    IO.mapOptional("socket-arg", M.R.SocketArg);
    IO.mapOptional("type", M.R.Type);
    IO.mapOptional("compare", M.R.Compare);
  }
};

template <> struct MappingTraits<sctpify::Rule> {
  static void mapping(IO &IO, sctpify::Rule &R) {
    IO.mapRequired("id", R.Id);
    IO.mapRequired("kind", R.Kind);
    IO.mapRequired("summary", R.Summary);
    MatchSection M{R};
    IO.mapRequired("match", M);
    IO.mapOptional("rewrite", R.Rewrites);
    IO.mapOptional("descriptor-test", R.DescriptorTest);
    IO.mapOptional("headers", R.Headers);
    IO.mapRequired("message", R.Message);
    IO.mapRequired("suggestion", R.Suggestion);
    IO.mapRequired("reference", R.Reference);
    IO.mapOptional("demonstration", R.Demonstration);
    IO.mapRequired("example", R.Ex);
  }
};

template <> struct CustomMappingTraits<std::map<std::string, int64_t>> {
  static void inputOne(IO &IO, StringRef Key,
                       std::map<std::string, int64_t> &Map) {
    IO.mapRequired(Key.str().c_str(), Map[Key.str()]);
  }
  static void output(IO &IO, std::map<std::string, int64_t> &Map) {
    for (auto &[Key, Value] : Map)
      IO.mapRequired(Key.c_str(), Value);
  }
};

template <> struct CustomMappingTraits<std::map<std::string, std::string>> {
  static void inputOne(IO &IO, StringRef Key,
                       std::map<std::string, std::string> &Map) {
    IO.mapRequired(Key.str().c_str(), Map[Key.str()]);
  }
  static void output(IO &IO, std::map<std::string, std::string> &Map) {
    for (auto &[Key, Value] : Map)
      IO.mapRequired(Key.c_str(), Value);
  }
};

template <> struct MappingTraits<RuleFile> {
  static void mapping(IO &IO, RuleFile &F) {
    IO.mapOptional("constants", F.Constants);
    IO.mapOptional("helpers", F.Helpers);
    IO.mapOptional("rules", F.Rules);
  }
};

} // namespace llvm::yaml

namespace sctpify {

static const std::pair<StringRef, StringRef> EmbeddedFiles[] = {
#include "EmbeddedRules.inc"
};

std::vector<std::pair<StringRef, StringRef>> embeddedRuleFiles() {
  return {std::begin(EmbeddedFiles), std::end(EmbeddedFiles)};
}

Expected<RuleTable> RuleTable::builtin() {
  RuleTable Table;
  for (const auto &[Name, Text] : EmbeddedFiles)
    if (Error E = Table.addYAML(Text, ("<builtin>/rules/" + Name).str()))
      return E;
  return Table;
}

Error RuleTable::addFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read rule file '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  return addYAML((*Buffer)->getBuffer(), Path);
}

Error RuleTable::addYAML(StringRef Text, StringRef Origin) {
  RuleFile File;
  std::string Diagnostics;
  {
    raw_string_ostream DiagOS(Diagnostics);
    yaml::Input In(
        Text, nullptr,
        [](const SMDiagnostic &D, void *Ctx) {
          D.print(nullptr, *static_cast<raw_string_ostream *>(Ctx), false);
        },
        &DiagOS);
    In >> File;
    if (In.error())
      return createStringError(In.error(), "in rule file '%s':\n%s",
                               Origin.str().c_str(), Diagnostics.c_str());
  }
  for (const auto &[Name, Value] : File.Constants)
    Constants[Name] = Value;
  for (const auto &[Name, Code] : File.Helpers)
    Helpers[Name] = Code;
  for (Rule &R : File.Rules) {
    R.Origin = Origin.str();
    auto Existing =
        llvm::find_if(Rules, [&](const Rule &Old) { return Old.Id == R.Id; });
    if (Existing != Rules.end())
      *Existing = std::move(R);
    else
      Rules.push_back(std::move(R));
  }
  return Error::success();
}

Error RuleTable::resolve() {
  std::string Problems;
  auto Complain = [&](const Rule &R, const Twine &What) {
    Problems += (R.Origin + ": rule '" + R.Id + "': " + What + "\n").str();
  };
  auto ResolveAll = [&](const Rule &R, std::vector<ValueRef> &Values) {
    for (ValueRef &V : Values) {
      if (!StringRef(V.Spelling).getAsInteger(0, V.Value))
        continue;
      auto It = Constants.find(V.Spelling);
      if (It == Constants.end())
        Complain(R, "unknown constant '" + V.Spelling +
                        "' (add it to a `constants:` table)");
      else
        V.Value = It->second;
    }
  };
  for (Rule &R : Rules) {
    if (!StringRef(R.Id).starts_with("sctp-"))
      Complain(R, "ids start with 'sctp-'");
    unsigned Forms = !R.Calls.empty() + !R.Type.empty() + R.Compare.has_value();
    if (Forms != 1)
      Complain(R, "`match` needs exactly one of `call`, `type`, `compare`");
    if (R.Kind == RuleKind::Rewrite && R.Rewrites.empty())
      Complain(R, "a `rewrite` rule needs a `rewrite:` list");
    if (R.Kind == RuleKind::Flag && !R.Rewrites.empty())
      Complain(R, "a `flag` rule cannot have a `rewrite:` list");
    if (!R.Rewrites.empty() && R.Calls.empty())
      Complain(R, "only `call` rules can rewrite arguments");
    if (!R.DescriptorTest.empty() && (!R.SocketArg || R.Rewrites.empty()))
      Complain(R, "`descriptor-test` needs `socket-arg` and `rewrite`");
    for (ArgConstraint &C : R.Args) {
      ResolveAll(R, C.Is);
      ResolveAll(R, C.IgnoringBits);
      ResolveAll(R, C.HasAnyBit);
      if (!C.IgnoringBits.empty() && C.Is.empty())
        Complain(R, "`ignoring-bits` needs `is`");
    }
    if (R.Compare)
      ResolveAll(R, R.Compare->Is);
  }
  if (!Problems.empty())
    return createStringError(inconvertibleErrorCode(), "%s",
                             StringRef(Problems).rtrim().str().c_str());
  return Error::success();
}

static Expected<std::vector<GlobPattern>> parseGlobs(StringRef List) {
  std::vector<GlobPattern> Globs;
  SmallVector<StringRef> Parts;
  List.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Part : Parts) {
    auto Glob = GlobPattern::create(Part.trim());
    if (!Glob)
      return Glob.takeError();
    Globs.push_back(std::move(*Glob));
  }
  return Globs;
}

Error RuleTable::select(StringRef Enable, StringRef Disable) {
  // `--enable=-sctp-oob-*` reads like clang-tidy's `-checks=-foo-*`.
  SmallVector<StringRef> Parts;
  std::string Enabled, Disabled = Disable.str();
  Enable.split(Parts, ',', -1, false);
  for (StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.consume_front("-"))
      Disabled += "," + Part.str();
    else
      Enabled += "," + Part.str();
  }
  auto EnableGlobs = parseGlobs(Enabled);
  if (!EnableGlobs)
    return EnableGlobs.takeError();
  auto DisableGlobs = parseGlobs(Disabled);
  if (!DisableGlobs)
    return DisableGlobs.takeError();
  auto Matches = [](const std::vector<GlobPattern> &Globs, StringRef Id) {
    return llvm::any_of(Globs, [&](const GlobPattern &G) { return G.match(Id); });
  };
  llvm::erase_if(Rules, [&](const Rule &R) {
    bool On = EnableGlobs->empty() || Matches(*EnableGlobs, R.Id);
    return !On || Matches(*DisableGlobs, R.Id);
  });
  return Error::success();
}

const Rule *RuleTable::find(StringRef Id) const {
  auto It = llvm::find_if(Rules, [&](const Rule &R) { return R.Id == Id; });
  return It == Rules.end() ? nullptr : &*It;
}

} // namespace sctpify
