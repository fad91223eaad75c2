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

namespace {

/// tooling::TranslationUnitDiagnostics as yaml::Output writes it, with the
/// diagnostics built one at a time as the list is written: the whole list
/// as tooling::Diagnostic objects held about 1 KiB per finding more than
/// the findings do, after the analysis.
struct LazyDiagnostics {
  std::vector<const Finding *> Findings;
  clang::tooling::Diagnostic Current; ///< the one being written
};
struct FixesDocument {
  std::string MainSourceFile;
  LazyDiagnostics Diagnostics;
};

} // namespace
} // namespace sctpify

namespace llvm::yaml {
template <> struct SequenceTraits<sctpify::LazyDiagnostics> {
  static size_t size(IO &, sctpify::LazyDiagnostics &List) {
    return List.Findings.size();
  }
  // yaml::Output asks for the elements in order, each once.
  static clang::tooling::Diagnostic &
  element(IO &, sctpify::LazyDiagnostics &List, size_t Index) {
    List.Current = List.Findings[Index]->toDiagnostic();
    return List.Current;
  }
};

// The keys of MappingTraits<tooling::TranslationUnitDiagnostics>, in its
// order, so that the bytes are the same.
template <> struct MappingTraits<sctpify::FixesDocument> {
  static void mapping(IO &Io, sctpify::FixesDocument &Doc) {
    Io.mapRequired("MainSourceFile", Doc.MainSourceFile);
    Io.mapRequired("Diagnostics", Doc.Diagnostics);
  }
};
} // namespace llvm::yaml

namespace sctpify {

void exportFixes(raw_ostream &OS, StringRef MainSourceFile,
                 const std::vector<Finding> &Findings) {
  FixesDocument Doc;
  Doc.MainSourceFile = MainSourceFile.str();
  for (const Finding &F : Findings)
    if (!F.Suppressed)
      Doc.Diagnostics.Findings.push_back(&F);
  yaml::Output YAML(OS);
  YAML << Doc;
}

} // namespace sctpify
