//===- FixesApplier.cpp ---------------------------------------------------===//
#include "output/FixesApplier.h"
#include "output/Diff.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace sctpify {

static Error writeAtomically(StringRef Path, StringRef Contents) {
  Expected<sys::fs::TempFile> Temp =
      sys::fs::TempFile::create(Path + ".sctpify-%%%%%%");
  if (!Temp)
    return createFileError(Path, Temp.takeError());
  {
    raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      consumeError(Temp->discard());
      return createFileError(Path, EC);
    }
  }
  if (ErrorOr<sys::fs::perms> Perms = sys::fs::getPermissions(Path))
    sys::fs::setPermissions(Temp->FD, *Perms);
  if (Error E = Temp->keep(Path)) {
    consumeError(Temp->discard());
    return createFileError(Path, std::move(E));
  }
  return Error::success();
}

Error applyInPlace(const EditMap &Edits, unsigned &FilesChanged) {
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
    if (Error E = writeAtomically(File, *NewCode)) {
      Errors = joinErrors(std::move(Errors), std::move(E));
      continue;
    }
    ++FilesChanged;
  }
  return Errors;
}

Error printDiff(const EditMap &Edits, raw_ostream &OS) {
  for (const auto &[File, Edit] : Edits) {
    auto Buffer = MemoryBuffer::getFile(File, false, false);
    if (!Buffer)
      return createFileError(File, Buffer.getError());
    writeUnifiedDiff(File, (*Buffer)->getBuffer(), Edit.Replacements, OS);
  }
  return Error::success();
}

Error exportFixes(StringRef YamlPath, StringRef MainSourceFile,
                  const std::vector<Finding> &Findings) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  TUD.MainSourceFile = MainSourceFile.str();
  for (const Finding &F : Findings)
    if (!F.Suppressed)
      TUD.Diagnostics.push_back(F); // a Finding is a tooling::Diagnostic
  std::error_code EC;
  raw_fd_ostream OS(YamlPath, EC, sys::fs::OF_Text);
  if (EC)
    return createFileError(YamlPath, EC);
  yaml::Output YAML(OS);
  YAML << TUD;
  return Error::success();
}

} // namespace sctpify
