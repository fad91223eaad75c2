//===- TUAnalysis.h - The rules applied to one AST --------------*- C++ -*-===//
//
// Walks nothing itself: the visitor (Analysis.cpp) hands it every call, type
// use and comparison; it asks the Matcher which rules apply and decides per
// match: the rule's `replace` where it holds, its `at-run-time` form where
// only the running program can tell, a review finding where neither can be
// written. Generic over the rule table: nothing here names a socket API.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_TUANALYSIS_H
#define SCTPIFY_ENGINE_TUANALYSIS_H

#include "engine/Analysis.h"
#include "engine/DescriptorOrigin.h"
#include "engine/Edits.h"
#include "engine/IncludePlacement.h"
#include "engine/Matcher.h"
#include "engine/Suppression.h"
#include "engine/Wrappers.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringSet.h"
#include <deque>
#include <map>
#include <set>

namespace sctpify {

class TUAnalysis {
public:
  TUAnalysis(clang::ASTContext &Ctx, clang::Preprocessor &PP, const IncludeRecorder &Includes,
             const RuleTable &Rules, const FileScope &InScope, TUResult &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), PP(PP), Includes(Includes),
        Rules(Rules), InScope(InScope), Out(Out), Values(Ctx, Locals),
        M(Rules, Values),
        Origins(SM, Locals, Values,
                [this](const clang::CallExpr *C) { return M.classifySource(C); },
                [this](const clang::CallExpr *C) { return sameDescriptorAs(C); },
                &CallerIndex),
        Edits(Ctx, Locals) {}

  void visitCall(const clang::CallExpr *Call);
  void visitTypeUse(const clang::TagDecl *Tag, clang::SourceLocation Loc);
  void visitComparison(const clang::BinaryOperator *Op);
  void finish();

  bool interesting(clang::SourceLocation Loc) {
    if (Loc.isInvalid())
      return false;
    Loc = SM.getExpansionLoc(Loc);
    if (SM.isInSystemHeader(Loc))
      return false;
    clang::FileID FID = SM.getFileID(Loc);
    auto [It, Inserted] = ScopeCache.try_emplace(FID, false);
    if (Inserted) {
      It->second = InScope(pathOf(FID));
      // A header with something to port that the scope leaves out is worth
      // a line in the summary: its edits will not be made.
      if (!It->second)
        Out.OutsideProject.insert(pathOf(FID));
    }
    return It->second;
  }
  const clang::SourceManager &sourceManager() const { return SM; }
  bool isHelper(const clang::Decl *D) const {
    const auto *F = llvm::dyn_cast<clang::FunctionDecl>(D);
    return F && F->getIdentifier() && Rules.helpers().count(F->getName());
  }

private:
  /// The Matcher's answer, after checking the rule table's index against
  /// the function's parameters: an index past them is an error at the first
  /// call of each function in the TU (the declaration gives the arity; the
  /// rule file alone cannot), which fails the TU.
  const clang::Expr *sameDescriptorAs(const clang::CallExpr *Call);
  llvm::StringSet<> BadIndexReported;

  /// A flag left unknown in a wrapper, at each caller that makes it match.
  void flagCallers(const Binding &B, const Verdict &V);
  void decideCall(const clang::CallExpr *Call,
                  const std::vector<const Rule *> &Candidates);
  /// For a call outside the main file: what this TU did there, so that the
  /// merge can tell when TUs that compile a header differently (-D, #ifdef)
  /// would port one call differently.
  void recordDecision(const clang::CallExpr *Call, size_t FindingsBefore,
                      size_t PortsBefore);

  struct Pending {
    Finding F;
    clang::SourceLocation Where;
    const Rule *R;
    std::vector<std::string> Texts;
    std::optional<size_t> MacroUseIndex;
  };

  std::string pathOf(clang::FileID FID);
  Verdict verdict(const Binding &B);
  bool isStatement(const clang::CallExpr *Call) const;
  void port(const Binding &B, const Template &T, std::string Message);
  void review(const Binding &B, const Verdict &V);
  void visitMacroBodyCall(const clang::CallExpr *Call, const std::string &Macro);
  Finding makeFinding(const Rule &R, Finding::Kind What, clang::SourceLocation Loc,
                      std::string Message, std::string Note);
  void addEdits(Finding &F, const std::vector<PlannedEdit> &Planned);
  bool editable(const std::vector<PlannedEdit> &Planned);
  std::string portedNote(const std::string &Form) const {
    return Rules.wording("ported-form", "ported form") + ": " + Form;
  }

  clang::ASTContext &Ctx;
  clang::SourceManager &SM;
  clang::Preprocessor &PP;
  const IncludeRecorder &Includes;
  const RuleTable &Rules;
  const FileScope &InScope;
  TUResult &Out;
  LocalFacts Locals;
  CallSites CallerIndex{Ctx};
  ValueReader Values;
  Matcher M;
  DescriptorOrigins Origins;
  EditBuilder Edits;
  llvm::DenseMap<clang::FileID, bool> ScopeCache;
  llvm::DenseMap<clang::FileID, std::string> PathCache;
  std::map<clang::FileID, SuppressionBlocks> BlockCache;
  /// `#ifdef`/`defined()` names already given an edit: (file, offset).
  std::set<std::pair<clang::FileID, unsigned>> PortedGuards;
  /// Adds to Planned the edits of the #if tests around it that test a name
  /// it replaces; returns what to add to the message.
  std::string portGuards(std::vector<PlannedEdit> &Planned);
  /// Sets where F is: path, byte offset, line and column of Loc (a file
  /// location).
  void place(Finding &F, clang::SourceLocation Loc);
  /// The file's NOSCTPIFYBEGIN/END blocks; its unmatched markers are
  /// reported once, the first time a finding lands in the file.
  const SuppressionBlocks &suppressionBlocks(clang::FileID FID);
  // A deque: Finding's move constructor is not noexcept, so a growing
  // vector would copy every pending finding, and hold both copies at once.
  std::deque<Pending> Ports;
};

} // namespace sctpify

#endif
