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

/// Calls Add for each diagnostic of a fixes file's text. --export-fixes
/// writes yaml::Output's layout (clang-tidy's too): each diagnostic an item
/// `  - ` of the top-level `Diagnostics:` list. Each item is read by a
/// yaml::Input of its own, so that memory holds one diagnostic's node tree,
/// not the file's (about 11 KiB per diagnostic). Text laid out otherwise,
/// or an item that does not read, is read whole, for yaml::Input's error;
/// Add may then see a diagnostic twice.
static Error readDiagnostics(
    StringRef Text,
    function_ref<void(const clang::tooling::Diagnostic &)> Add) {
  auto Whole = [&]() -> Error {
    clang::tooling::TranslationUnitDiagnostics TUD;
    yaml::Input In(Text);
    In >> TUD;
    if (In.error())
      return errorCodeToError(In.error());
    for (const clang::tooling::Diagnostic &D : TUD.Diagnostics)
      Add(D);
    return Error::success();
  };
  constexpr StringLiteral ListKey = "\nDiagnostics:\n", Item = "  - ";
  size_t List = Text.find(ListKey);
  if (List == StringRef::npos)
    return Whole();
  StringRef Rest = Text.drop_front(List + ListKey.size());
  std::vector<StringRef> Items;
  while (Rest.starts_with(Item)) {
    size_t End = 0;
    do {
      End = Rest.find('\n', End);
      End = End == StringRef::npos ? Rest.size() : End + 1;
    } while (End < Rest.size() && Rest[End] == ' ' &&
             !Rest.substr(End).starts_with(Item));
    Items.push_back(Rest.take_front(End));
    Rest = Rest.drop_front(End);
  }
  // Only the document's end may follow the list.
  if (Items.empty() || (!Rest.trim().empty() && Rest.trim() != "..."))
    return Whole();
  for (StringRef Text : Items) {
    std::vector<clang::tooling::Diagnostic> D;
    // Quiet: the whole text is read again for the message.
    yaml::Input In(Text, nullptr, [](const SMDiagnostic &, void *) {});
    In >> D;
    // What was added before is added again, which Add must allow.
    if (In.error() || D.size() != 1)
      return Whole();
    Add(D.front());
  }
  return Error::success();
}

Error applyExportedFixes(StringRef Path, unsigned &FilesChanged,
                         std::vector<std::string> &Warnings) {
  EditMap Edits;
  // Every edit once, by file, sorted: the same edit from several shards (a
  // shared header) is dropped in O(log E); each file's Replacements is
  // built from it at the end.
  std::map<std::string, std::set<Replacement>> Unique;
  std::map<std::string, std::optional<uint64_t>> Hashes;
  Error Errors = Error::success();
  auto Fail = [&](Error E) { Errors = joinErrors(std::move(Errors), std::move(E)); };
  for (const std::string &YamlFile : fixesFiles(Path)) {
    auto Buffer = MemoryBuffer::getFile(YamlFile);
    if (!Buffer) {
      Fail(createFileError(YamlFile, Buffer.getError()));
      continue;
    }
    // The hash comments come first, before the YAML.
    for (StringRef Rest = (*Buffer)->getBuffer(); Rest.starts_with("#");) {
      auto [Line, Next] = Rest.split('\n');
      Rest = Next;
      if (!Line.consume_front(HashComment))
        continue;
      auto [Hex, File] = Line.split(' ');
      uint64_t Hash = 0;
      if (!Hex.getAsInteger(16, Hash))
        Hashes[File.str()] = Hash;
    }
    // A fixes file that does not read contributes nothing.
    std::map<std::string, std::set<Replacement>> Read;
    if (Error E = readDiagnostics(
            (*Buffer)->getBuffer(), [&](const clang::tooling::Diagnostic &D) {
              for (const auto &[File, Replacements] : D.Message.Fix)
                Read[File.str()].insert(Replacements.begin(),
                                        Replacements.end());
            })) {
      Fail(createFileError(YamlFile, std::move(E)));
      continue;
    }
    for (auto &[File, Set] : Read)
      Unique[File].merge(Set);
  }
  for (auto &[File, Set] : Unique) {
    FileEdits &E = Edits[File];
    while (!Set.empty()) {
      auto Node = Set.extract(Set.begin());
      if (Error Conflict = E.Replacements.add(Node.value()))
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
