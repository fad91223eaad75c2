//===- YAMLMaps.h - std::map<std::string, T> in llvm::yaml ------*- C++ -*-===//
//
// `name: value` mappings whose names the file chooses (a rule file's
// constants and helpers, a configuration's severities). One definition for
// every file that reads them: two translation units with different
// CustomMappingTraits for the same map type would break the one-definition
// rule.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_YAMLMAPS_H
#define SCTPIFY_ENGINE_YAMLMAPS_H

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

#endif
