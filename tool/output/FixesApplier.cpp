//===- FixesApplier.cpp ---------------------------------------------------===//
#include "output/FixesApplier.h"
#include "engine/Paths.h"
#include "output/Diff.h"
#include "output/InPlaceWrite.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace sctpify {

Error applyInPlace(const EditMap &Edits, unsigned &FilesChanged,
                   std::vector<std::string> &Warnings) {
  Error Errors = Error::success();
  for (const auto &[File, Edit] : Edits) {
    auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      Errors = joinErrors(std::move(Errors),
                          createFileError(File, Buffer.getError()));
      continue;
    }
    // Offsets are only valid for the contents that were parsed; another
    // run or an editor may have written the file since.
    if (xxh3_64bits((*Buffer)->getBuffer()) != Edit.ContentHash) {
      Errors = joinErrors(
          std::move(Errors),
          createStringError(inconvertibleErrorCode(),
                            "'%s' changed since it was parsed; it is left "
                            "unchanged, run sctpify again",
                            File.c_str()));
      continue;
    }
    Expected<std::string> NewCode = clang::tooling::applyAllReplacements(
        (*Buffer)->getBuffer(), Edit.Replacements);
    if (!NewCode) {
      Errors = joinErrors(std::move(Errors),
                          createFileError(File, NewCode.takeError()));
      continue;
    }
    if (*NewCode == (*Buffer)->getBuffer())
      continue;
    if (Error E = replaceFileContents(File, *NewCode, Warnings)) {
      Errors = joinErrors(std::move(Errors), std::move(E));
      continue;
    }
    ++FilesChanged;
  }
  return Errors;
}

Error printDiff(const EditMap &Edits, StringRef Root, raw_ostream &OS) {
  Error Errors = Error::success();
  for (const auto &[File, Edit] : Edits) {
    auto Buffer = MemoryBuffer::getFile(File, false, false);
    if (!Buffer) {
      Errors = joinErrors(std::move(Errors),
                          createFileError(File, Buffer.getError()));
      continue;
    }
    writeUnifiedDiff(relativeTo(File, Root), (*Buffer)->getBuffer(), Edit.Replacements, OS);
  }
  return Errors;
}

void exportFixes(raw_ostream &OS, StringRef MainSourceFile,
                 const std::vector<Finding> &Findings) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  TUD.MainSourceFile = MainSourceFile.str();
  for (const Finding &F : Findings)
    if (!F.Suppressed)
      TUD.Diagnostics.push_back(F); // a Finding is a tooling::Diagnostic
  yaml::Output YAML(OS);
  YAML << TUD;
}

} // namespace sctpify
