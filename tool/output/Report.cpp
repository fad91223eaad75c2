//===- Report.cpp ---------------------------------------------------------===//
#include "output/Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include <set>

using namespace llvm;

namespace sctpify {

static StringRef kindName(Finding::Kind K) {
  switch (K) {
  case Finding::Kind::Rewrite: return "rewrite";
  case Finding::Kind::Review:  return "review";
  case Finding::Kind::Flag:    return "flag";
  }
  llvm_unreachable("unknown finding kind");
}

void writeJSONReport(const std::vector<Finding> &Findings, const Summary &S,
                     raw_ostream &OS) {
  json::Array All;
  for (const Finding &F : Findings) {
    json::Array Fixes;
    for (const auto &R : F.fixes())
      Fixes.push_back(json::Object{{"file", R.getFilePath().str()},
                                   {"offset", R.getOffset()},
                                   {"length", R.getLength()},
                                   {"replacement", R.getReplacementText().str()}});
    All.push_back(json::Object{{"rule", F.ruleId()},
                               {"kind", kindName(F.What)},
                               {"file", F.filePath()},
                               {"line", F.Line},
                               {"column", F.Column},
                               {"message", F.text()},
                               {"note", F.note()},
                               {"suppressed", F.Suppressed},
                               {"fixes", std::move(Fixes)}});
  }
  json::Object ByRule;
  for (const auto &[Id, Count] : S.ByRule)
    ByRule[Id] = Count;
  json::Array Files;
  for (const std::string &File : S.Files)
    Files.push_back(File);
  json::Value Report = json::Object{
      {"version", 1},
      {"findings", std::move(All)},
      {"summary", json::Object{{"translation_units", S.TranslationUnits},
                               {"skipped", S.Skipped},
                               {"failed", S.Failed},
                               {"rewrites", S.Rewrites},
                               {"reviews", S.Reviews},
                               {"flags", S.Flags},
                               {"suppressed", S.Suppressed},
                               {"files_changed", S.FilesChanged},
                               {"by_rule", std::move(ByRule)},
                               {"files", std::move(Files)}}}};
  OS << formatv("{0:2}", Report) << "\n";
}

/// file:///path, with the characters RFC 3986 reserves in a path escaped.
static std::string fileURI(StringRef Path) {
  std::string URI = "file://";
  for (char C : Path) {
    if (isAlnum(C) || StringRef("/-._~").contains(C))
      URI += C;
    else
      URI += "%" + utohexstr(static_cast<unsigned char>(C), false, 2);
  }
  return URI;
}

void writeSARIFReport(const std::vector<Finding> &Findings,
                      const RuleTable &Rules, raw_ostream &OS) {
  std::set<std::string> Fired;
  for (const Finding &F : Findings)
    if (!F.Suppressed)
      Fired.insert(F.ruleId());
  json::Array Descriptors;
  std::map<std::string, unsigned> RuleIndex;
  for (const std::string &Id : Fired) {
    const Rule *R = Rules.find(Id);
    RuleIndex[Id] = Descriptors.size();
    json::Object Descriptor{{"id", Id}};
    if (R) {
      Descriptor["shortDescription"] = json::Object{{"text", R->Summary}};
      Descriptor["fullDescription"] = json::Object{{"text", R->Message}};
      Descriptor["help"] = json::Object{
          {"text", R->Suggestion + "\nBefore: " + R->Ex.Before +
                       "\nAfter: " + R->Ex.After}};
      Descriptor["properties"] = json::Object{
          {"kind", R->Kind == RuleKind::Rewrite ? "rewrite" : "flag"},
          {"reference", R->Reference}};
    }
    Descriptors.push_back(std::move(Descriptor));
  }

  json::Array Results;
  for (const Finding &F : Findings) {
    if (F.Suppressed)
      continue;
    json::Object Result{
        {"ruleId", F.ruleId()},
        {"ruleIndex", RuleIndex[F.ruleId()]},
        {"level", "warning"},
        {"message", json::Object{{"text", F.note().empty()
                                              ? F.text()
                                              : F.text() + " (" + F.note() + ")"}}},
        {"locations",
         json::Array{json::Object{
             {"physicalLocation",
              json::Object{{"artifactLocation",
                            json::Object{{"uri", fileURI(F.filePath())}}},
                           {"region", json::Object{{"startLine", F.Line},
                                                   {"startColumn", F.Column}}}}}}}},
        {"properties", json::Object{{"kind", kindName(F.What)}}}};
    if (!F.Message.Fix.empty()) {
      std::map<std::string, json::Array> PerFile;
      for (const auto &R : F.fixes())
        PerFile[std::string(R.getFilePath())].push_back(json::Object{
            {"deletedRegion", json::Object{{"charOffset", R.getOffset()},
                                           {"charLength", R.getLength()}}},
            {"insertedContent", json::Object{{"text", R.getReplacementText().str()}}}});
      json::Array Changes;
      for (auto &[File, Replacements] : PerFile)
        Changes.push_back(json::Object{
            {"artifactLocation", json::Object{{"uri", fileURI(File)}}},
            {"replacements", std::move(Replacements)}});
      Result["fixes"] = json::Array{json::Object{
          {"description", json::Object{{"text", F.note()}}},
          {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Result));
  }

  json::Value Log = json::Object{
      {"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::Array{json::Object{
           {"tool", json::Object{{"driver",
                                  json::Object{{"name", "sctpify"},
                                               {"version", "0.1.0"},
                                               {"rules", std::move(Descriptors)}}}}},
           {"results", std::move(Results)}}}}};
  OS << formatv("{0:2}", Log) << "\n";
}

} // namespace sctpify
