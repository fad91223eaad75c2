//===- AnalysisEntry.cpp --------------------------------------------------===//
#include "engine/AnalysisEntry.h"
#include "engine/TUAnalysis.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace sctpify {
namespace {

// The one walk of a TU: sctpify's own frontend action (Analysis.cpp) and the
// clang-tidy module both come through analyzeParsedTU().
class Walk : public RecursiveASTVisitor<Walk> {
public:
  explicit Walk(TUAnalysis &A) : A(A) {}
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    // System headers hold nothing to port, and the helpers sctpify adds are
    // already the port.
    if (D && D->getLocation().isValid() &&
        (A.sourceManager().isInSystemHeader(
             A.sourceManager().getExpansionLoc(D->getLocation())) ||
         A.isHelper(D)))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitCallExpr(CallExpr *Call) {
    A.visitCall(Call);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    A.visitComparison(Op);
    return true;
  }
  bool VisitTagTypeLoc(TagTypeLoc TL) {
    A.visitTypeUse(TL.getDecl(), TL.getNameLoc());
    return true;
  }

private:
  TUAnalysis &A;
};

} // namespace

void analyzeParsedTU(ASTContext &Ctx, Preprocessor &PP,
                     const IncludeRecorder &Includes, const RuleTable &Rules,
                     const FileScope &InScope, TUResult &Out) {
  // A TU with errors says nothing reliable about any file.
  if (Ctx.getDiagnostics().hasErrorOccurred()) {
    Out.Failed = true;
    return;
  }
  TUAnalysis Analysis(Ctx, PP, Includes, Rules, InScope, Out);
  Walk(Analysis).TraverseAST(Ctx);
  Analysis.finish();
}

} // namespace sctpify
