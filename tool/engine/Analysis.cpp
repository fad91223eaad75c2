//===- Analysis.cpp - The frontend action and its AST walk ----------------===//
#include "engine/Analysis.h"
#include "engine/AnalysisEntry.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"

using namespace clang;
using llvm::StringRef;

namespace sctpify {
namespace {

class FindingsAction : public ASTFrontendAction {
public:
  FindingsAction(const RuleTable &Rules, FileScope InScope, TUResult &Out,
                 const std::vector<llvm::GlobPattern> *KeepLast)
      : Rules(Rules), InScope(std::move(InScope)), Out(Out), KeepLast(KeepLast) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    // "N warnings generated." would count clang's warnings next to
    // sctpify's own; the summary says what matters.
    CI.setVerboseOutputStream(llvm::nulls());
    auto Recorder = std::make_unique<IncludeRecorder>(CI.getSourceManager(), KeepLast);
    Includes = Recorder.get();
    CI.getPreprocessor().addPPCallbacks(std::move(Recorder));
    struct Consumer : ASTConsumer {
      FindingsAction &A;
      CompilerInstance &CI;
      Consumer(FindingsAction &A, CompilerInstance &CI) : A(A), CI(CI) {}
      void HandleTranslationUnit(ASTContext &Ctx) override {
        analyzeParsedTU(Ctx, CI.getPreprocessor(), *A.Includes, A.Rules,
                        A.InScope, A.Out);
      }
    };
    return std::make_unique<Consumer>(*this, CI);
  }

  void EndSourceFileAction() override {
    if (getCompilerInstance().getDiagnostics().hasErrorOccurred())
      Out.Failed = true;
  }

private:
  const RuleTable &Rules;
  FileScope InScope;
  TUResult &Out;
  const std::vector<llvm::GlobPattern> *KeepLast;
  const IncludeRecorder *Includes = nullptr;
};

} // namespace

std::unique_ptr<FrontendAction>
createFindingsAction(const RuleTable &Rules, FileScope InScope, TUResult &Out,
                     const std::vector<llvm::GlobPattern> *KeepLast) {
  return std::make_unique<FindingsAction>(Rules, std::move(InScope), Out,
                                          KeepLast);
}

} // namespace sctpify
