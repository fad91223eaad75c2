//===- Reporter.cpp -------------------------------------------------------===//
#include "output/Reporter.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/TextDiagnostic.h"

using namespace clang;

namespace sctpify {

namespace {

/// Clang's TextDiagnostic, given a diagnostic's fix-its as they are.
/// DiagnosticRenderer::emitDiagnostic first merges fix-its through an
/// edit::EditedSource, whose IdentifierTable is built (every keyword added)
/// for each diagnostic: on a file with 860k findings that was a third of
/// sctpify's time. A finding's fix-its are already one Replacements set, so
/// they neither overlap nor need merging.
class FixItsAsGiven : public TextDiagnostic {
public:
  using TextDiagnostic::TextDiagnostic;
  ArrayRef<FixItHint> Pending; ///< the next caret's fix-its

protected:
  void emitCodeContext(FullSourceLoc Loc, DiagnosticsEngine::Level Level,
                       SmallVectorImpl<CharSourceRange> &Ranges,
                       ArrayRef<FixItHint> Hints) override {
    TextDiagnostic::emitCodeContext(Loc, Level, Ranges,
                                    Pending.empty() ? Hints : Pending);
    Pending = {};
  }
};

/// TextDiagnosticPrinter's output, through FixItsAsGiven.
class FindingPrinter : public DiagnosticConsumer {
public:
  FindingPrinter(llvm::raw_ostream &OS, DiagnosticOptions *Options)
      : OS(OS), Options(Options) {}
  void BeginSourceFile(const LangOptions &LangOpts,
                       const Preprocessor *) override {
    Text = std::make_unique<FixItsAsGiven>(OS, LangOpts, Options);
  }
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    if (!Info.getLocation().isValid()) {
      TextDiagnostic::printDiagnosticLevel(OS, Level, Options->ShowColors);
      TextDiagnostic::printDiagnosticMessage(
          OS, Level == DiagnosticsEngine::Note, Message, 0,
          Options->MessageLength, Options->ShowColors);
      OS.flush();
      return;
    }
    // As DiagnosticRenderer does, the text a fix-it replaces is underlined.
    SmallVector<CharSourceRange, 4> Ranges(Info.getRanges());
    for (const FixItHint &Hint : Info.getFixItHints())
      if (Hint.RemoveRange.isValid())
        Ranges.push_back(Hint.RemoveRange);
    Text->Pending = Info.getFixItHints();
    Text->emitDiagnostic(
        FullSourceLoc(Info.getLocation(), Info.getSourceManager()), Level,
        Message, Ranges, std::nullopt, &Info);
    Text->Pending = {};
    OS.flush();
  }

private:
  llvm::raw_ostream &OS;
  DiagnosticOptions *Options;
  std::unique_ptr<FixItsAsGiven> Text;
};

} // namespace

void printFindings(const std::vector<Finding> &Findings, llvm::raw_ostream &OS,
                   bool Color,
                   llvm::function_ref<bool(const Finding &)> Applied) {
  std::vector<const Finding *> All;
  All.reserve(Findings.size());
  for (const Finding &F : Findings)
    All.push_back(&F);
  printFindings(All, OS, Color, Applied);
}

void printFindings(llvm::ArrayRef<const Finding *> Findings,
                   llvm::raw_ostream &OS, bool Color,
                   llvm::function_ref<bool(const Finding &)> Applied) {
  // The ASTs that produced the findings are gone; a fresh SourceManager over
  // the files on disk lets Clang print carets and fix-its as usual.
  auto Options = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
  Options->ShowColors = Color;
  FindingPrinter Printer(OS, Options.get());
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

  for (const Finding *Each : Findings) {
    const Finding &F = *Each;
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
      Builder << (F.text() + " [" + F.ruleId() + "]").str();
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
