//===- Formatting.cpp -----------------------------------------------------===//
#include "engine/Formatting.h"
#include "clang/Format/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;
using clang::tooling::Replacements;

namespace sctpify {

Error formatEdits(EditMap &Edits, std::vector<Finding> &Findings,
                  StringRef StyleSpec) {
  for (auto &[File, Edit] : Edits) {
    auto Buffer = MemoryBuffer::getFile(File, false, false);
    if (!Buffer || xxh3_64bits((*Buffer)->getBuffer()) != Edit.ContentHash)
      continue; // applying will report the file
    StringRef Code = (*Buffer)->getBuffer();
    Expected<clang::format::FormatStyle> Style =
        clang::format::getStyle(StyleSpec, File, /*FallbackStyle=*/"none",
                                Code);
    if (!Style)
      return createFileError(File, Style.takeError());
    if (Style->DisableFormat)
      continue;
    Expected<Replacements> Formatted =
        clang::format::formatReplacements(Code, Edit.Replacements, *Style);
    if (!Formatted)
      return createFileError(File, Formatted.takeError());
    Edit.Replacements = std::move(*Formatted);
    Finding *Owner = nullptr;
    for (Finding &F : Findings) {
      if (!F.Message.Fix.count(File))
        continue;
      if (!Owner && !F.Suppressed && F.rewrites())
        Owner = &F;
      F.Message.Fix.erase(File);
    }
    if (Owner)
      Owner->Message.Fix[File] = Edit.Replacements;
  }
  return Error::success();
}

} // namespace sctpify
