//===- Report.cpp ---------------------------------------------------------===//
#include "output/Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include <set>

using namespace llvm;

namespace sctpify {

Summary Summary::of(const std::vector<Finding> &Findings) {
  Summary S;
  for (const Finding &F : Findings) {
    if (F.Suppressed) {
      ++S.Suppressed;
      continue;
    }
    switch (F.What) {
    case Finding::Kind::Rewrite: ++S.Rewrites; break;
    case Finding::Kind::Review:  ++S.Reviews; break;
    case Finding::Kind::Flag:    ++S.Flags; break;
    }
    ++S.ByRule[F.RuleId];
  }
  return S;
}

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
    for (const auto &R : F.Fixes)
      Fixes.push_back(json::Object{{"file", R.getFilePath()},
                                   {"offset", R.getOffset()},
                                   {"length", R.getLength()},
                                   {"replacement", R.getReplacementText()}});
    All.push_back(json::Object{{"rule", F.RuleId},
                               {"kind", kindName(F.What)},
                               {"file", F.FilePath},
                               {"line", F.Line},
                               {"column", F.Column},
                               {"message", F.Message},
                               {"note", F.Note},
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
      Fired.insert(F.RuleId);
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
        {"ruleId", F.RuleId},
        {"ruleIndex", RuleIndex[F.RuleId]},
        {"level", "warning"},
        {"message", json::Object{{"text", F.Note.empty()
                                              ? F.Message
                                              : F.Message + " (" + F.Note + ")"}}},
        {"locations",
         json::Array{json::Object{
             {"physicalLocation",
              json::Object{{"artifactLocation",
                            json::Object{{"uri", fileURI(F.FilePath)}}},
                           {"region", json::Object{{"startLine", F.Line},
                                                   {"startColumn", F.Column}}}}}}}},
        {"properties", json::Object{{"kind", kindName(F.What)}}}};
    if (!F.Fixes.empty()) {
      std::map<std::string, json::Array> PerFile;
      for (const auto &R : F.Fixes)
        PerFile[std::string(R.getFilePath())].push_back(json::Object{
            {"deletedRegion", json::Object{{"charOffset", R.getOffset()},
                                           {"charLength", R.getLength()}}},
            {"insertedContent", json::Object{{"text", R.getReplacementText()}}}});
      json::Array Changes;
      for (auto &[File, Replacements] : PerFile)
        Changes.push_back(json::Object{
            {"artifactLocation", json::Object{{"uri", fileURI(File)}}},
            {"replacements", std::move(Replacements)}});
      Result["fixes"] = json::Array{json::Object{
          {"description", json::Object{{"text", F.Note}}},
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
