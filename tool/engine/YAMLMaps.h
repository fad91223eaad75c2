//===- YAMLMaps.h - std::map<std::string, T> in llvm::yaml ------*- C++ -*-===//
//
// `name: value` mappings whose names the file chooses (a rule file's
// constants and helpers, a configuration's severities). One definition for
// every file that reads them: two translation units with different
// CustomMappingTraits for the same map type would break the one-definition
// rule. And the count of a file's documents, for the files that read only
// one.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_YAMLMAPS_H
#define SCTPIFY_ENGINE_YAMLMAPS_H

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
#include <map>
#include <string>

namespace llvm::yaml {
template <typename T> struct CustomMappingTraits<std::map<std::string, T>> {
  static void inputOne(IO &IO, StringRef Key, std::map<std::string, T> &Map) {
    IO.mapRequired(Key.str().c_str(), Map[Key.str()]);
  }
  static void output(IO &IO, std::map<std::string, T> &Map) {
    for (auto &[Key, Value] : Map)
      IO.mapRequired(Key.c_str(), Value);
  }
};
} // namespace llvm::yaml

namespace sctpify {
/// How many documents in Text have content (empty and comment-only ones do
/// not count, as yaml::Input skips them; one that does not parse does).
/// yaml::Input::nextDocument() cannot ask this: past the last document it
/// dereferences the end iterator, which crashed sctpify on an empty rule
/// file (found by test/fuzz). Syntax errors are not printed here: a caller
/// reads the first document with yaml::Input, which reports its own.
inline unsigned countYAMLDocuments(llvm::StringRef Text) {
  llvm::SourceMgr Sources;
  Sources.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Stream(Text, Sources);
  unsigned Count = 0;
  for (llvm::yaml::Document &Document : Stream) {
    llvm::yaml::Node *Root = Document.getRoot();
    if (Stream.failed())
      return Count + 1;
    if (Root && !llvm::isa<llvm::yaml::NullNode>(Root))
      ++Count;
  }
  return Count;
}
} // namespace sctpify

#endif
