//===- ApplyFixes.cpp -----------------------------------------------------===//
#include "ApplyFixes.h"
#include "Outputs.h"
#include "output/FixesApplier.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include <set>

using namespace llvm;
using clang::tooling::Replacement;

namespace sctpify {

static constexpr StringLiteral HashComment = "# sctpify-contents-xxh3: ";

void writeContentHashes(raw_ostream &OS, const EditMap &Edits) {
  for (const auto &[File, Edit] : Edits)
    OS << HashComment << utohexstr(Edit.ContentHash, /*LowerCase=*/true) << " "
       << File << "\n";
}

/// The YAML files PATH names: itself, or the *.yaml in a directory.
static std::vector<std::string> fixesFiles(StringRef Path) {
  if (!sys::fs::is_directory(Path))
    return {Path.str()};
  std::vector<std::string> Files;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Path, EC), End; It != End && !EC;
       It.increment(EC))
    if (StringRef(It->path()).ends_with(".yaml"))
      Files.push_back(It->path());
  llvm::sort(Files);
  return Files;
}

Error applyExportedFixes(StringRef Path, unsigned &FilesChanged,
                         std::vector<std::string> &Warnings) {
  EditMap Edits;
  // Per file, the edits already added: tooling::Replacements can only be
  // searched from the front, once per edit.
  std::map<std::string, std::set<Replacement>> Seen;
  std::map<std::string, std::optional<uint64_t>> Hashes;
  Error Errors = Error::success();
  auto Fail = [&](Error E) { Errors = joinErrors(std::move(Errors), std::move(E)); };
  for (const std::string &YamlFile : fixesFiles(Path)) {
    auto Buffer = MemoryBuffer::getFile(YamlFile);
    if (!Buffer) {
      Fail(createFileError(YamlFile, Buffer.getError()));
      continue;
    }
    SmallVector<StringRef> Lines;
    (*Buffer)->getBuffer().split(Lines, '\n');
    for (StringRef Line : Lines) {
      if (!Line.consume_front(HashComment))
        continue;
      auto [Hex, File] = Line.split(' ');
      uint64_t Hash = 0;
      if (!Hex.getAsInteger(16, Hash))
        Hashes[File.str()] = Hash;
    }
    clang::tooling::TranslationUnitDiagnostics TUD;
    yaml::Input In((*Buffer)->getBuffer());
    In >> TUD;
    if (In.error()) {
      Fail(createFileError(YamlFile, In.error()));
      continue;
    }
    for (const clang::tooling::Diagnostic &D : TUD.Diagnostics)
      for (const auto &[File, Replacements] : D.Message.Fix)
        for (const Replacement &R : Replacements) {
          // The same edit from several shards (a shared header) once.
          if (!Seen[File.str()].insert(R).second)
            continue;
          FileEdits &E = Edits[File.str()];
          if (Error Conflict = E.Replacements.add(R))
            Fail(createFileError(File, std::move(Conflict)));
        }
  }
  for (auto It = Edits.begin(); It != Edits.end();) {
    auto Hash = Hashes.find(It->first);
    if (Hash == Hashes.end() || !Hash->second) {
      Fail(createFileError(
          It->first,
          createStringError(inconvertibleErrorCode(),
                            "its fixes do not say which contents they were "
                            "computed for (export them with sctpify "
                            "--export-fixes); it is left unchanged")));
      It = Edits.erase(It);
      continue;
    }
    It->second.ContentHash = *Hash->second;
    ++It;
  }
  std::set<std::string> Files;
  for (const auto &Entry : Edits)
    Files.insert(Entry.first);
  warnStrayTemporaries(Files);
  Fail(applyInPlace(Edits, FilesChanged, Warnings));
  return Errors;
}

int runApplyFixes(StringRef Path, bool Quiet) {
  ErrorLog Errors;
  unsigned Changed = 0;
  std::vector<std::string> Warnings;
  Errors.add(applyExportedFixes(Path, Changed, Warnings));
  for (const std::string &W : Warnings)
    WithColor::warning(errs(), "sctpify") << W << "\n";
  if (!Quiet)
    errs() << "sctpify: " << Changed << (Changed == 1 ? " file" : " files")
           << " changed\n";
  return Errors.empty() ? 0 : 2;
}

} // namespace sctpify
