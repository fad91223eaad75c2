//===- Reporter.cpp -------------------------------------------------------===//
#include "output/Reporter.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"

using namespace clang;

namespace sctpify {

void printFindings(const std::vector<Finding> &Findings, llvm::raw_ostream &OS,
                   bool Color,
                   llvm::function_ref<bool(const Finding &)> Applied) {
  // The ASTs that produced the findings are gone; a fresh SourceManager over
  // the files on disk lets Clang print carets and fix-its as usual.
  auto Options = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
  Options->ShowColors = Color;
  TextDiagnosticPrinter Printer(OS, Options.get());
  DiagnosticsEngine Diags(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), Options,
                          &Printer, /*ShouldOwnClient=*/false);
  FileManager Files{FileSystemOptions()};
  SourceManager Sources(Diags, Files);
  LangOptions LangOpts;
  Printer.BeginSourceFile(LangOpts, nullptr);
  unsigned ErrorID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  unsigned WarningID = Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
  unsigned RemarkID = Diags.getCustomDiagID(DiagnosticsEngine::Remark, "%0");
  unsigned NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");

  for (const Finding &F : Findings) {
    if (F.Suppressed)
      continue;
    SourceLocation Loc;
    FileID FID;
    if (auto Entry = Files.getOptionalFileRef(F.filePath())) {
      FID = Sources.getOrCreateFileID(*Entry, SrcMgr::C_User);
      Loc = Sources.getComposedLoc(FID, F.offset());
    }
    {
      DiagnosticBuilder Builder = Diags.Report(
          Loc, F.DiagLevel == tooling::Diagnostic::Error     ? ErrorID
               : F.DiagLevel == tooling::Diagnostic::Warning ? WarningID
                                                             : RemarkID);
      Builder << (F.text() + " [" + F.ruleId() + "]");
      if (Loc.isValid())
        for (const tooling::Replacement &Fix : F.fixes()) {
          // Only the fix-its on the finding's own line: an include added at
          // the top of the file, or an initialiser edited lines above, would
          // make Clang print every line in between.
          if (Fix.getFilePath() != F.filePath() ||
              Sources.getLineNumber(FID, Fix.getOffset()) != F.Line)
            continue;
          SourceLocation Begin = Sources.getComposedLoc(FID, Fix.getOffset());
          SourceLocation End = Begin.getLocWithOffset(Fix.getLength());
          Builder << FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(Begin, End),
              Fix.getReplacementText());
        }
    }
    if (!F.note().empty())
      Diags.Report(SourceLocation(), NoteID) << F.note();
    if (Applied && Applied(F))
      Diags.Report(Loc, NoteID) << "FIX-IT applied suggested code changes";
  }
  Printer.EndSourceFile();
}

} // namespace sctpify
