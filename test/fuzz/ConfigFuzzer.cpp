//===- ConfigFuzzer.cpp - libFuzzer target: .sctpify.yaml -----------------===//
//
// A .sctpify.yaml is read from every directory above each source file, so
// parseConfig must turn any text into a configuration or an error. What it
// accepts must survive `--dump-config`: the printed YAML parses again and
// prints the same text (a configuration sctpify writes is one it reads).
//
//===----------------------------------------------------------------------===//
#include "engine/Config.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>
#include <cstdint>
#include <cstdlib>

static std::string printed(const sctpify::Config &C) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  C.print(OS, "/project");
  return Text;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<sctpify::Config> C =
      sctpify::parseConfig(Text, "/project/.sctpify.yaml");
  if (!C) {
    llvm::consumeError(C.takeError());
    return 0;
  }
  (void)C->checks();
  std::string First = printed(sctpify::Config().then(*C));
  llvm::Expected<sctpify::Config> Again =
      sctpify::parseConfig(First, "/project/.sctpify.yaml");
  if (!Again) {
    llvm::errs() << "--dump-config output does not parse:\n"
                 << First << "\n"
                 << llvm::toString(Again.takeError()) << "\n";
    std::abort();
  }
  std::string Second = printed(sctpify::Config().then(*Again));
  if (First != Second) {
    llvm::errs() << "--dump-config output changes when read back:\n"
                 << First << "---\n"
                 << Second;
    std::abort();
  }
  return 0;
}
