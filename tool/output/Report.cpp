//===- Report.cpp ---------------------------------------------------------===//
#include "output/Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

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

/// One finding, its keys in the sorted order json::Value prints objects in,
/// written straight to the stream: the report never holds more than one
/// finding's JSON, however many there are.
static void writeFinding(json::OStream &J, const Finding &F) {
  J.object([&] {
    J.attribute("column", F.Column);
    J.attribute("file", F.filePath());
    J.attributeArray("fixes", [&] {
      for (const auto &Entry : F.Message.Fix)
        for (const clang::tooling::Replacement &R : Entry.second)
          J.object([&] {
            J.attribute("file", R.getFilePath());
            J.attribute("length", R.getLength());
            J.attribute("offset", R.getOffset());
            J.attribute("replacement", R.getReplacementText());
          });
    });
    J.attribute("kind", kindName(F.What));
    J.attribute("line", F.Line);
    J.attribute("message", F.text());
    J.attribute("note", F.Notes.empty() ? StringRef() : StringRef(F.Notes.front().Message));
    J.attribute("rule", F.ruleId());
    J.attribute("severity", F.severity());
    J.attribute("suppressed", F.Suppressed);
  });
}

void writeJSONReport(const std::vector<Finding> &Findings, const Summary &S,
                     raw_ostream &OS) {
  json::Object ByRule;
  for (const auto &[Id, Count] : S.ByRule)
    ByRule[Id] = Count;
  json::Array Files;
  for (const std::string &File : S.Files)
    Files.push_back(File);
  json::Array Errors;
  for (const auto &[File, Message] : S.Errors)
    Errors.push_back(json::Object{{"file", File}, {"message", Message}});
  json::Object Totals{{"translation_units", S.TranslationUnits},
                      {"skipped", S.Skipped},
                      {"failed", S.Failed},
                      {"rewrites", S.Rewrites},
                      {"reviews", S.Reviews},
                      {"flags", S.Flags},
                      {"suppressed", S.Suppressed},
                      {"files_changed", S.FilesChanged},
                      {"by_rule", std::move(ByRule)},
                      {"files", std::move(Files)},
                      {"errors", std::move(Errors)}};
  // The top-level keys in sorted order too, so that the bytes are those
  // formatv("{0:2}") prints for the whole report as one json::Value.
  json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attributeArray("findings", [&] {
      for (const Finding &F : Findings)
        writeFinding(J, F);
    });
    J.attribute("summary", std::move(Totals));
    J.attribute("version", 1);
  });
  OS << "\n";
}

} // namespace sctpify
