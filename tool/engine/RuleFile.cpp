//===- RuleFile.cpp - Reading rules/*.yaml with LLVM's YAML I/O -----------===//
//
// The on-disk shape of a rule file, kept apart from the checked Rule it
// becomes (RuleTable::resolve). Every key that is a list may also be written
// as one scalar, so a one-line rule stays one line.
//
//===----------------------------------------------------------------------===//
#include "engine/RuleTable.h"
#include "engine/RuleTableEntry.h"
#include "engine/YAMLMaps.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"
#include <map>

using namespace llvm;

namespace {
struct HelperEntry {
  std::string Code;
  std::vector<std::string> Headers;
};

struct DescriptorSources {
  std::vector<std::string> NeverConverted;
  std::map<std::string, unsigned> SameAsArgument;
};

struct RuleFile {
  std::map<std::string, int64_t> Constants;
  std::map<std::string, std::string> Wording;
  DescriptorSources Descriptors;
  std::map<std::string, HelperEntry> Helpers;
  std::map<std::string, sctpify::RuleTable::Entry> Templates;
  std::vector<sctpify::RuleTable::Entry> Rules;
  std::string ExamplePrelude;
};

/// A list that may be written as one scalar.
struct OneOrMany {
  std::vector<std::string> &Items;
  std::string One;
  struct NoMap {} Map;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(sctpify::RuleTable::Entry)

namespace llvm::yaml {

template <> struct ScalarEnumerationTraits<sctpify::RuleKind> {
  static void enumeration(IO &IO, sctpify::RuleKind &K) {
    IO.enumCase(K, "rewrite", sctpify::RuleKind::Rewrite);
    IO.enumCase(K, "flag", sctpify::RuleKind::Flag);
  }
};

template <> struct MappingTraits<OneOrMany::NoMap> {
  static void mapping(IO &, OneOrMany::NoMap &) {}
};
template <> struct PolymorphicTraits<OneOrMany> {
  static NodeKind getKind(const OneOrMany &L) {
    return L.Items.size() == 1 ? NodeKind::Scalar : NodeKind::Sequence;
  }
  static std::string &getAsScalar(OneOrMany &L) { return L.One; }
  static OneOrMany::NoMap &getAsMap(OneOrMany &L) { return L.Map; }
  static std::vector<std::string> &getAsSequence(OneOrMany &L) {
    return L.Items;
  }
};

template <> struct ScalarEnumerationTraits<sctpify::Yields> {
  static void enumeration(IO &IO, sctpify::Yields &Y) {
    IO.enumCase(Y, "false", sctpify::Yields::No);
    IO.enumCase(Y, "true", sctpify::Yields::Converted);
    IO.enumCase(Y, "mixed", sctpify::Yields::Mixed);
  }
};

template <> struct MappingTraits<sctpify::Example> {
  static void mapping(IO &IO, sctpify::Example &E) {
    IO.mapRequired("before", E.Before);
    IO.mapRequired("after", E.After);
    IO.mapOptional("declarations", E.Declarations);
    IO.mapOptional("context", E.Context);
    IO.mapOptional("language", E.Language, std::string("c"));
  }
};

template <> struct MappingTraits<sctpify::RuleTable::Entry> {
  static void list(IO &IO, const char *Key, std::vector<std::string> &Items) {
    OneOrMany L{Items, Items.size() == 1 ? Items.front() : "", {}};
    IO.mapOptional(Key, L);
    if (!IO.outputting() && !L.One.empty())
      Items = {L.One};
  }
  static void mapping(IO &IO, sctpify::RuleTable::Entry &E) {
    IO.mapOptional("id", E.Id);
    IO.mapOptional("template", E.Template);
    IO.mapOptional("kind", E.Kind);
    IO.mapOptional("severity", E.Severity);
    IO.mapOptional("summary", E.Summary);
    list(IO, "match", E.Match);
    list(IO, "where", E.Where);
    IO.mapOptional("descriptor", E.Descriptor);
    IO.mapOptional("descriptor-known-only", E.DescriptorKnownOnly);
    IO.mapOptional("descriptor-mixed-only", E.DescriptorMixedOnly);
    IO.mapOptional("constant-arguments", E.ConstantArguments);
    IO.mapOptional("yields-descriptor", E.YieldsDescriptor);
    list(IO, "followed-by-discarding", E.FollowedByDiscarding);
    list(IO, "instead-of", E.InsteadOf);
    list(IO, "replace", E.Replace);
    list(IO, "at-run-time", E.AtRunTime);
    list(IO, "headers", E.Headers);
    IO.mapOptional("message", E.Message);
    IO.mapOptional("message-at-run-time", E.RunTimeMessage);
    IO.mapOptional("suggestion", E.Suggestion);
    IO.mapOptional("reference", E.Reference);
    IO.mapOptional("demonstration", E.Demonstration);
    IO.mapOptional("example", E.Ex);
  }
};

template <> struct MappingTraits<HelperEntry> {
  static void mapping(IO &IO, HelperEntry &H) {
    IO.mapRequired("code", H.Code);
    MappingTraits<sctpify::RuleTable::Entry>::list(IO, "headers", H.Headers);
  }
};

template <> struct MappingTraits<DescriptorSources> {
  static void mapping(IO &IO, DescriptorSources &D) {
    IO.mapOptional("never-converted", D.NeverConverted);
    IO.mapOptional("same-as-argument", D.SameAsArgument);
  }
};


template <> struct MappingTraits<RuleFile> {
  static void mapping(IO &IO, RuleFile &F) {
    IO.mapOptional("constants", F.Constants);
    IO.mapOptional("wording", F.Wording);
    IO.mapOptional("descriptor-sources", F.Descriptors);
    IO.mapOptional("helpers", F.Helpers);
    IO.mapOptional("templates", F.Templates);
    IO.mapOptional("rules", F.Rules);
    IO.mapOptional("example-prelude", F.ExamplePrelude);
  }
};

} // namespace llvm::yaml

namespace sctpify {

Error RuleTable::addFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read rule file '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  return addYAML((*Buffer)->getBuffer(), Path);
}

/// The identifiers a helper's code calls that are other helpers.
/// Code with its comments blanked out, so that a helper naming another in
/// its comment ("see sctpify_write") does not pull that one in. String and
/// character literals are kept as they are.
static std::string withoutComments(StringRef Code) {
  std::string Out = Code.str();
  for (size_t I = 0; I + 1 < Out.size(); ++I) {
    if (Out[I] == '"' || Out[I] == '\'') {
      char Quote = Out[I];
      for (++I; I < Out.size() && Out[I] != Quote; ++I)
        I += Out[I] == '\\';
    } else if (Out[I] == '/' && Out[I + 1] == '/') {
      for (; I < Out.size() && Out[I] != '\n'; ++I)
        Out[I] = ' ';
    } else if (Out[I] == '/' && Out[I + 1] == '*') {
      size_t End = Out.find("*/", I + 2);
      End = End == std::string::npos ? Out.size() : End + 2;
      for (; I < End; ++I)
        Out[I] = Out[I] == '\n' ? '\n' : ' ';
      --I;
    }
  }
  return Out;
}

static std::vector<std::string> helperCalls(StringRef Text,
                                            const std::string &Self) {
  std::string Stripped = withoutComments(Text);
  StringRef Code = Stripped;
  std::vector<std::string> Names;
  for (size_t Pos = Code.find("sctpify_"); Pos != StringRef::npos;
       Pos = Code.find("sctpify_", Pos + 1)) {
    if (Pos > 0 && (isAlnum(Code[Pos - 1]) || Code[Pos - 1] == '_'))
      continue;
    size_t End = Pos;
    while (End < Code.size() && (isAlnum(Code[End]) || Code[End] == '_'))
      ++End;
    std::string Name = Code.slice(Pos, End).str();
    if (Name != Self && !llvm::is_contained(Names, Name))
      Names.push_back(Name);
  }
  return Names;
}

Error RuleTable::addYAML(StringRef Text, StringRef Origin) {
  RuleFile File;
  std::string Diagnostics;
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
  // A second document would otherwise be ignored without a word.
  if (countYAMLDocuments(Text) > 1)
    return createStringError(inconvertibleErrorCode(),
                             "in rule file '%s': only one YAML document is "
                             "read; merge the documents or use one file each",
                             Origin.str().c_str());
  for (const auto &[Name, Value] : File.Constants)
    Constants[Name] = Value;
  for (const auto &[Key, Phrase] : File.Wording)
    Wording[Key] = Phrase;
  if (!File.ExamplePrelude.empty())
    ExamplePrelude = File.ExamplePrelude;
  for (const std::string &Callee : File.Descriptors.NeverConverted)
    NeverConverted.insert(Callee);
  for (const auto &[Callee, Index] : File.Descriptors.SameAsArgument)
    SameAsArgument[Callee] = {Index, Origin.str()};
  for (auto &[Name, Entry] : File.Helpers)
    Helpers[Name] = Helper{Name, Entry.Code, Entry.Headers,
                           helperCalls(Entry.Code, Name), Origin.str()};
  for (auto &[Name, T] : File.Templates) {
    T.Origin = Origin.str();
    Templates[Name] = std::make_shared<Entry>(std::move(T));
  }
  for (Entry &E : File.Rules) {
    E.Origin = Origin.str();
    auto Existing = llvm::find_if(
        Entries, [&](const std::shared_ptr<Entry> &Old) { return Old->Id == E.Id; });
    if (Existing != Entries.end())
      *Existing = std::make_shared<Entry>(std::move(E));
    else
      Entries.push_back(std::make_shared<Entry>(std::move(E)));
  }
  return Error::success();
}

} // namespace sctpify
