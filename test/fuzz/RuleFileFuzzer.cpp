//===- RuleFileFuzzer.cpp - libFuzzer target: rule files ------------------===//
//
// A rule file is user input (`--rules=`, `rules:` in .sctpify.yaml), so
// RuleTable::addYAML and resolve() must turn any text into a table or an
// error naming the problem: never a crash, a hang or a sanitizer report.
// A table that loads must also print its reference (docs/rules.md is
// written that way), which reads every field resolve() computed.
//
//===----------------------------------------------------------------------===//
#include "engine/RuleTable.h"
#include "output/RulesDoc.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  sctpify::RuleTable Table;
  if (llvm::Error E = Table.addYAML(Text, "fuzz.yaml")) {
    llvm::consumeError(std::move(E));
    return 0;
  }
  if (llvm::Error E = Table.resolve()) {
    llvm::consumeError(std::move(E));
    return 0;
  }
  std::string Reference;
  llvm::raw_string_ostream OS(Reference);
  sctpify::printRulesReference(Table, OS);
  return 0;
}
