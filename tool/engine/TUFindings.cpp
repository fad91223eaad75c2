//===- TUFindings.cpp - What one TU's analysis hands on -------------------===//
//
// The part of TUAnalysis that turns decisions into findings: clang's level,
// the file path, suppression comments, the edits with the contents they
// were computed against, and the insertions planned once the TU is done.
//
//===----------------------------------------------------------------------===//
#include "engine/TUAnalysis.h"
#include "engine/InsertionPlan.h"
#include "engine/Paths.h"
#include "engine/Suppression.h"
#include "llvm/Support/xxhash.h"

using namespace clang;
using llvm::StringRef;

namespace sctpify {

/// Clang's level for a severity: a note-severity finding stands alone, so
/// it is a remark, not a note attached to something else.
static tooling::Diagnostic::Level levelOf(Severity S) {
  switch (S) {
  case Severity::Note: return tooling::Diagnostic::Remark;
  case Severity::Warning: return tooling::Diagnostic::Warning;
  case Severity::Error: return tooling::Diagnostic::Error;
  }
  llvm_unreachable("unknown severity");
}

std::string TUAnalysis::pathOf(FileID FID) {
  auto [It, Inserted] = PathCache.try_emplace(FID);
  if (Inserted)
    if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID)) {
      StringRef Real = Entry->getFileEntry().tryGetRealPathName();
      It->second = normalizedPath(Real.empty() ? Entry->getName() : Real);
    }
  return It->second;
}

Finding TUAnalysis::makeFinding(const Rule &R, Finding::Kind What,
                                SourceLocation Loc, std::string Message,
                                std::string Note) {
  // A call written in a macro argument is reported where it is written.
  Loc = SM.getFileLoc(Loc);
  Finding F;
  F.DiagnosticName = R.Id;
  F.DiagLevel = levelOf(R.Level);
  F.What = What;
  place(F, Loc);
  F.Message.Message = std::move(Message);
  if (!Note.empty()) {
    tooling::DiagnosticMessage N;
    N.Message = std::move(Note);
    F.Notes.push_back(std::move(N));
  }
  FileID FID = SM.getFileID(Loc);
  F.Suppressed = isSuppressed(SM.getBufferData(FID), F.offset(), R.Id,
                              &suppressionBlocks(FID));
  return F;
}

void TUAnalysis::place(Finding &F, SourceLocation Loc) {
  F.Message.FilePath = pathOf(SM.getFileID(Loc));
  F.Message.FileOffset = SM.getFileOffset(Loc);
  F.Line = SM.getSpellingLineNumber(Loc);
  F.Column = SM.getSpellingColumnNumber(Loc);
}

const SuppressionBlocks &TUAnalysis::suppressionBlocks(FileID FID) {
  auto [It, Inserted] = BlockCache.try_emplace(FID, SM.getBufferData(FID));
  if (Inserted)
    for (const SuppressionBlocks::Unmatched &U : It->second.unmatched()) {
      // clang-tidy reports these as errors of its own, clang-tidy-nolint.
      Finding F;
      F.DiagnosticName = "sctpify-nosctpify";
      F.DiagLevel = tooling::Diagnostic::Error;
      F.What = Finding::Kind::Flag;
      place(F, SM.getComposedLoc(FID, U.Offset));
      F.Message.Message = U.Message;
      Out.Findings.push_back(std::move(F));
    }
  return It->second;
}

bool TUAnalysis::editable(const std::vector<PlannedEdit> &Planned) {
  // Whatever the rule and the macros, nothing outside the project (a system
  // header, a file the scope leaves out) is ever edited.
  return llvm::all_of(Planned, [&](const PlannedEdit &E) {
    return interesting(E.Range.getBegin());
  });
}

void TUAnalysis::addEdits(Finding &F, const std::vector<PlannedEdit> &Planned) {
  for (const PlannedEdit &E : Planned) {
    FileID FID = SM.getFileID(E.Range.getBegin());
    std::string Path = pathOf(FID);
    unsigned Begin = SM.getFileOffset(E.Range.getBegin());
    // Most findings edit one file: a map sized for that, not StringMap's
    // default of 16 buckets, which is a sixth of a finding's memory.
    if (F.Message.Fix.empty())
      F.Message.Fix = llvm::StringMap<tooling::Replacements>(1);
    llvm::consumeError(F.Message.Fix[Path].add(tooling::Replacement(
        Path, Begin, SM.getFileOffset(E.Range.getEnd()) - Begin, E.Text)));
    // Edits apply only to the contents that were parsed: hashed once per
    // file, not per finding.
    if (!Out.ContentHashes.count(Path))
      Out.ContentHashes[Path] = llvm::xxh3_64bits(SM.getBufferData(FID));
  }
}

void TUAnalysis::finish() {
  std::vector<PortRequest> Requests;
  Requests.reserve(Ports.size());
  for (Pending &P : Ports)
    Requests.push_back({&P.F, P.Where, P.R, std::move(P.Texts)});
  planInsertions(Requests, Ctx, PP, Includes, Rules,
                 [this](FileID FID) { return pathOf(FID); }, Out);
  // Finding's move constructor is not noexcept, so a growing vector would
  // copy every finding it already holds.
  Out.Findings.reserve(Out.Findings.size() + Ports.size());
  for (Pending &P : Ports) {
    if (P.MacroUseIndex)
      Out.MacroUses[*P.MacroUseIndex].DefinitionRewrite = std::move(P.F);
    else
      Out.Findings.push_back(std::move(P.F));
  }
  Ports.clear();
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    StringRef Real = It->first.getFileEntry().tryGetRealPathName();
    std::string Path = normalizedPath(Real.empty() ? It->first.getName() : Real);
    if (InScope(Path))
      Out.ProjectFiles.insert(std::move(Path));
  }
}

const Expr *TUAnalysis::sameDescriptorAs(const CallExpr *Call) {
  if (const Expr *Argument = M.sameDescriptorAs(Call))
    return Argument;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || Callee->isVariadic() ||
      !Matcher::isCLibraryFunction(Callee))
    return nullptr;
  StringRef Name = Callee->getName();
  std::optional<unsigned> Index = Rules.sameAsArgument(Name);
  if (!Index || *Index < Callee->getNumParams() ||
      !BadIndexReported.insert(Name).second)
    return nullptr;
  DiagnosticsEngine &Diags = Ctx.getDiagnostics();
  unsigned ID = Diags.getCustomDiagID(
      DiagnosticsEngine::Error,
      "in rule file '%0': descriptor-sources: same-as-argument: '%1' is "
      "given argument %2 (counted from 0), but '%1' takes %3 "
      "argument%s3");
  Diags.Report(Call->getBeginLoc(), ID)
      << Rules.sameAsArgumentOrigin(Name) << Name << *Index
      << Callee->getNumParams();
  return nullptr;
}

} // namespace sctpify
