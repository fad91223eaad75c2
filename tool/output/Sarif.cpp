//===- Sarif.cpp ----------------------------------------------------------===//
#include "output/Sarif.h"
#include "engine/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <set>

using namespace llvm;

namespace sctpify {
namespace {

/// A URI path with the characters RFC 3986 reserves escaped.
std::string escaped(StringRef Path) {
  std::string URI;
  for (char C : Path) {
    if (isAlnum(C) || StringRef("/-._~").contains(C))
      URI += C;
    else
      URI += "%" + utohexstr(static_cast<unsigned char>(C), false, 2);
  }
  return URI;
}

/// Counts characters (code points) where clang counts bytes. Each file is
/// read once and indexed by line, so a count costs one line's length, not
/// the file's: many findings in a big file stay linear.
class CharacterCounter {
public:
  /// Code points in the file before byte Offset.
  unsigned before(StringRef File, unsigned Offset) {
    const Indexed &F = index(File);
    Offset = std::min<size_t>(Offset, F.Text.size());
    size_t Line = llvm::upper_bound(F.LineStarts, Offset) - F.LineStarts.begin() - 1;
    unsigned N = F.CodePointsBefore[Line];
    for (size_t I = F.LineStarts[Line]; I < Offset; ++I)
      N += (static_cast<unsigned char>(F.Text[I]) & 0xC0) != 0x80;
    return N;
  }
  /// The 1-based character column of a finding at byte Offset, byte column
  /// Column.
  unsigned column(StringRef File, unsigned Offset, unsigned Column) {
    return before(File, Offset) - before(File, Offset - (Column - 1)) + 1;
  }
  /// The text of the line holding Offset, without surrounding blanks.
  StringRef lineAt(StringRef File, unsigned Offset) {
    StringRef Text = index(File).Text;
    Offset = std::min<size_t>(Offset, Text.size());
    size_t Start = Text.rfind('\n', Offset);
    Start = Start == StringRef::npos ? 0 : Start + 1;
    return Text.slice(Start, Text.find('\n', Offset)).trim();
  }

private:
  struct Indexed {
    std::unique_ptr<MemoryBuffer> Buffer;
    StringRef Text;
    std::vector<unsigned> LineStarts{0}, CodePointsBefore{0};
  };
  const Indexed &index(StringRef File) {
    Indexed &F = Files[File.str()];
    if (F.Buffer || F.LineStarts.size() > 1)
      return F;
    if (auto Read = MemoryBuffer::getFile(File, false, false)) {
      F.Buffer = std::move(*Read);
      F.Text = F.Buffer->getBuffer();
    }
    unsigned N = 0;
    for (size_t I = 0; I < F.Text.size(); ++I) {
      N += (static_cast<unsigned char>(F.Text[I]) & 0xC0) != 0x80;
      if (F.Text[I] == '\n') {
        F.LineStarts.push_back(I + 1);
        F.CodePointsBefore.push_back(N);
      }
    }
    return F;
  }
  std::map<std::string, Indexed> Files;
};

class Writer {
public:
  Writer(const RuleTable &Rules, const Summary &S) : Rules(Rules), S(S) {
    Root = StringRef(S.ProjectRoot).rtrim('/');
    Root += '/';
  }

  json::Object artifact(StringRef File) const {
    StringRef Relative = relativeTo(File, S.ProjectRoot);
    if (Relative != File)
      return json::Object{{"uri", escaped(Relative)}, {"uriBaseId", "%SRCROOT%"}};
    return json::Object{{"uri", "file://" + escaped(File)}};
  }

  json::Object result(const Finding &F, unsigned RuleIndex,
                      const std::string &Fingerprint) {
    json::Object Result{
        {"ruleId", F.ruleId()},
        {"ruleIndex", RuleIndex},
        {"level", F.severity()},
        {"message", json::Object{{"text", F.note().empty()
                                              ? F.text()
                                              : F.text() + " (" + F.note() + ")"}}},
        {"locations",
         json::Array{json::Object{
             {"physicalLocation",
              json::Object{
                  {"artifactLocation", artifact(F.filePath())},
                  {"region",
                   json::Object{{"startLine", F.Line},
                                {"startColumn",
                                 Chars.column(F.filePath(), F.offset(),
                                              F.Column)}}}}}}}},
        {"partialFingerprints",
         json::Object{{"sctpifyLineHash/v1", Fingerprint}}},
        {"properties", json::Object{{"kind", kind(F.What)}}}};
    if (F.Suppressed)
      Result["suppressions"] = json::Array{json::Object{
          {"kind", "inSource"},
          {"justification", "NOSCTPIFY comment in the source"}}};
    if (!F.Message.Fix.empty())
      Result["fixes"] = json::Array{fix(F)};
    return Result;
  }

  json::Object fix(const Finding &F) {
    std::map<std::string, json::Array> PerFile;
    for (const auto &R : F.fixes()) {
      std::string File = R.getFilePath().str();
      unsigned Begin = Chars.before(File, R.getOffset());
      unsigned End = Chars.before(File, R.getOffset() + R.getLength());
      PerFile[File].push_back(json::Object{
          {"deletedRegion",
           json::Object{{"charOffset", Begin}, {"charLength", End - Begin}}},
          {"insertedContent",
           json::Object{{"text", R.getReplacementText().str()}}}});
    }
    json::Array Changes;
    for (auto &[File, Replacements] : PerFile)
      Changes.push_back(json::Object{{"artifactLocation", artifact(File)},
                                     {"replacements", std::move(Replacements)}});
    return json::Object{{"description", json::Object{{"text", F.note()}}},
                        {"artifactChanges", std::move(Changes)}};
  }

  /// Stable across edits elsewhere: what the line says, not where it is.
  std::string fingerprint(const Finding &F) {
    StringRef Line = Chars.lineAt(F.filePath(), F.offset());
    // Relative to the root, so the same in every checkout.
    StringRef File = relativeTo(F.filePath(), S.ProjectRoot);
    std::string Key = F.ruleId() + "\n" + File.str() + "\n" + Line.str();
    unsigned Seen = Occurrences[Key]++;
    return utohexstr(xxh3_64bits(Key), /*LowerCase=*/true) + ":" +
           std::to_string(Seen + 1);
  }

  json::Object descriptor(StringRef Id) const {
    json::Object D{{"id", Id}};
    const Rule *R = Rules.find(Id);
    if (!R)
      return D;
    D["shortDescription"] = json::Object{{"text", R->Summary}};
    D["fullDescription"] = json::Object{{"text", R->Message}};
    D["help"] = json::Object{{"text", R->Suggestion + "\nBefore: " +
                                          R->Ex.Before + "\nAfter: " +
                                          R->Ex.After}};
    D["properties"] = json::Object{
        {"kind", R->Kind == RuleKind::Rewrite ? "rewrite" : "flag"},
        {"reference", R->Reference}};
    return D;
  }

  static StringRef kind(Finding::Kind K) {
    switch (K) {
    case Finding::Kind::Rewrite: return "rewrite";
    case Finding::Kind::Review:  return "review";
    case Finding::Kind::Flag:    return "flag";
    }
    llvm_unreachable("unknown finding kind");
  }

  const RuleTable &Rules;
  const Summary &S;
  SmallString<256> Root;
  CharacterCounter Chars;
  std::map<std::string, unsigned> Occurrences;
};

} // namespace

void writeSARIFReport(const std::vector<Finding> &Findings,
                      const RuleTable &Rules, const Summary &S,
                      raw_ostream &OS) {
  Writer W(Rules, S);
  std::set<std::string> Fired;
  for (const Finding &F : Findings)
    Fired.insert(F.ruleId());
  json::Array Descriptors;
  std::map<std::string, unsigned> RuleIndex;
  for (const std::string &Id : Fired) {
    RuleIndex[Id] = Descriptors.size();
    Descriptors.push_back(W.descriptor(Id));
  }
  json::Array Notifications;
  for (const auto &[File, Message] : S.Errors) {
    json::Object N{{"level", "error"}, {"message", json::Object{{"text", Message}}}};
    if (!File.empty())
      N["locations"] = json::Array{json::Object{
          {"physicalLocation",
           json::Object{{"artifactLocation", W.artifact(File)}}}}};
    Notifications.push_back(std::move(N));
  }
  // Streamed, one result's json::Value at a time: a whole log as one value
  // costs about 100 KiB per result (every json::Object starts with 64
  // buckets). Keys go in the sorted order json::Value prints them in, so
  // the bytes are those of the log printed as one value.
  json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
                           "errata01/os/schemas/sarif-schema-2.1.0.json");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attribute("columnKind", "unicodeCodePoints");
        J.attribute("invocations",
                    json::Array{json::Object{
                        {"executionSuccessful", S.Errors.empty()},
                        {"toolExecutionNotifications",
                         std::move(Notifications)}}});
        if (!S.ProjectRoot.empty())
          J.attribute("originalUriBaseIds",
                      json::Object{{"%SRCROOT%",
                                    json::Object{{"uri", "file://" +
                                                             escaped(W.Root)}}}});
        J.attributeArray("results", [&] {
          for (const Finding &F : Findings)
            J.value(W.result(F, RuleIndex[F.ruleId()], W.fingerprint(F)));
        });
        J.attribute(
            "tool",
            json::Object{{"driver",
                          json::Object{{"name", "sctpify"},
                                       {"version", "0.1.0"},
                                       {"informationUri",
                                        "https://www.rfc-editor.org/rfc/rfc6458"},
                                       {"rules", std::move(Descriptors)}}}});
      });
    });
    J.attribute("version", "2.1.0");
  });
  OS << "\n";
}

} // namespace sctpify
