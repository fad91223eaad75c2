//===- FixesApplier.cpp ---------------------------------------------------===//
#include "output/FixesApplier.h"
#include "output/Diff.h"
#include "llvm/ADT/STLExtras.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <set>

using namespace llvm;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace sctpify {

void keepInsertionsOnce(std::vector<Finding> &Findings) {
  std::set<Replacement> Seen;
  for (Finding &F : Findings) {
    if (F.Suppressed)
      continue;
    llvm::erase_if(F.Fixes, [&](const Replacement &R) {
      return R.getLength() == 0 && !Seen.insert(R).second;
    });
  }
}

EditMap collectEdits(const std::vector<Finding> &Findings,
                     std::vector<std::string> &ConflictingFiles) {
  std::map<std::string, std::set<Replacement>> Unique;
  std::map<std::string, uint64_t> Hashes;
  for (const Finding &F : Findings)
    if (!F.Suppressed)
      for (const Replacement &R : F.Fixes) {
        Unique[std::string(R.getFilePath())].insert(R);
        Hashes[std::string(R.getFilePath())] = F.ContentHash;
      }
  EditMap Edits;
  for (auto &[File, Set] : Unique) {
    Replacements All;
    bool Conflict = false;
    for (const Replacement &R : Set)
      if (Error E = All.add(R)) {
        consumeError(std::move(E));
        Conflict = true;
      }
    if (Conflict)
      ConflictingFiles.push_back(File);
    else
      Edits.emplace(File, FileEdits{std::move(All), Hashes[File]});
  }
  return Edits;
}

static Error writeAtomically(StringRef Path, StringRef Contents) {
  SmallString<256> Model(Path);
  Model += ".sctpify-%%%%%%";
  int FD;
  SmallString<256> TempPath;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, TempPath))
    return createFileError(Path, EC);
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.close();
    if (OS.has_error()) {
      sys::fs::remove(TempPath);
      return createFileError(Path, OS.error());
    }
  }
  if (ErrorOr<sys::fs::perms> Perms = sys::fs::getPermissions(Path))
    sys::fs::setPermissions(TempPath, *Perms);
  if (std::error_code EC = sys::fs::rename(TempPath, Path)) {
    sys::fs::remove(TempPath);
    return createFileError(Path, EC);
  }
  return Error::success();
}

Error applyInPlace(const EditMap &Edits,
                   unsigned &FilesChanged) {
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

Error printDiff(const EditMap &Edits,
                raw_ostream &OS) {
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
  for (const Finding &F : Findings) {
    if (F.Suppressed)
      continue;
    clang::tooling::DiagnosticMessage Message;
    Message.Message = F.Message;
    Message.FilePath = F.FilePath;
    Message.FileOffset = F.Offset;
    for (const Replacement &R : F.Fixes)
      consumeError(Message.Fix[R.getFilePath()].add(R));
    clang::tooling::Diagnostic D(F.RuleId, Message, {},
                                 clang::tooling::Diagnostic::Warning, "");
    if (!F.Note.empty()) {
      clang::tooling::DiagnosticMessage Note;
      Note.Message = F.Note;
      D.Notes.push_back(std::move(Note));
    }
    TUD.Diagnostics.push_back(std::move(D));
  }
  std::error_code EC;
  raw_fd_ostream OS(YamlPath, EC, sys::fs::OF_Text);
  if (EC)
    return createFileError(YamlPath, EC);
  yaml::Output YAML(OS);
  YAML << TUD;
  return Error::success();
}

} // namespace sctpify
