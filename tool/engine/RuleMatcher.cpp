//===- RuleMatcher.cpp - From the rule table to findings ------------------===//
//
// Generic over the rule table: a rule contributes a call name (or a type, or
// a compared member) to look for, constraints on values, and argument texts
// to write. This file knows how to evaluate those against Clang's AST; it does
// not know any socket option by name.
//
//===----------------------------------------------------------------------===//
#include "engine/RuleMatcher.h"
#include "engine/IncludePlacement.h"
#include "engine/Suppression.h"
#include "engine/Values.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <set>

using namespace clang;
using llvm::StringRef;

namespace sctpify {
namespace {

/// Three-valued outcome of checking a rule's constraints against a call.
struct Verdict {
  enum { Matches, DoesNotMatch, Unknown } Kind = Matches;
  std::vector<unsigned> UnknownArgs; ///< arguments whose value is not known
  bool MixedDescriptor = false; ///< the fd may or may not be converted
};

/// What sctpify makes of the sockets a descriptor variable can hold.
enum class FdOrigin {
  Unknown,      ///< some value comes from outside what sctpify can see
  Converted,    ///< every source is a socket() sctpify rewrites
  NotConverted, ///< every source stays what it is (pipe, file, Unix socket)
  Mixed,        ///< some sources are converted and some are not
};

/// An edit a rewrite rule wants, before its file's includes are settled.
struct PendingRewrite {
  const Rule *R;
  SourceLocation Where;
  std::vector<std::pair<CharSourceRange, std::string>> Edits;
  std::string SctpForm;
  bool Guarded = false; ///< the edit tests the values at run time
  /// Set for the edit of a macro's definition: it becomes the
  /// DefinitionRewrite of the MacroUse with this index.
  std::optional<size_t> MacroUseIndex;
  std::string MacroName;
};

bool isIdentifierStart(char C) { return llvm::isAlpha(C) || C == '_'; }

/// The identifiers a piece of replacement text introduces.
std::vector<std::string> identifiersIn(StringRef Text) {
  std::vector<std::string> Names;
  for (size_t I = 0; I < Text.size();) {
    if (!isIdentifierStart(Text[I]) || (I > 0 && llvm::isAlnum(Text[I - 1]))) {
      ++I;
      continue;
    }
    size_t End = I;
    while (End < Text.size() && (llvm::isAlnum(Text[End]) || Text[End] == '_'))
      ++End;
    Names.push_back(Text.slice(I, End).str());
    I = End;
  }
  return Names;
}

/// Parameter names as a person reads them (glibc spells them `__domain`).
std::string parameterName(const FunctionDecl *F, unsigned Index) {
  if (Index < F->getNumParams() && F->getParamDecl(Index)->getIdentifier())
    return F->getParamDecl(Index)->getName().ltrim('_').str();
  return "argument " + std::to_string(Index + 1);
}

class TUAnalysis {
public:
  TUAnalysis(ASTContext &Ctx, Preprocessor &PP, const IncludeRecorder &Includes,
             const RuleTable &Rules, const FileScope &InScope, TUFindings &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), PP(PP), Includes(Includes),
        InScope(InScope), Out(Out), Constants(Rules.constants()),
        Helpers(Rules.helpers()) {
    for (const Rule &R : Rules.rules()) {
      for (const std::string &Call : R.Calls)
        RulesByCall[Call].push_back(&R);
      if (!R.Type.empty())
        RulesByType[StringRef(R.Type).rsplit("::").second.empty()
                        ? StringRef(R.Type)
                        : StringRef(R.Type).rsplit("::").second]
            .push_back(&R);
      if (R.Compare)
        RulesByMember[R.Compare->Member].push_back(&R);
    }
  }

  void visitCall(const CallExpr *Call);
  void visitMacroBodyCall(const CallExpr *Call,
                          const std::vector<const Rule *> &Rules,
                          const std::string &MacroName);
  void visitTypeUse(const TagDecl *Tag, SourceLocation Loc);
  void visitComparison(const BinaryOperator *Op);
  /// Settles include insertions and turns pending rewrites into findings.
  void finish();

  bool interesting(SourceLocation Loc) {
    if (Loc.isInvalid())
      return false;
    Loc = SM.getExpansionLoc(Loc);
    if (SM.isInSystemHeader(Loc))
      return false;
    FileID FID = SM.getFileID(Loc);
    auto [It, Inserted] = ScopeCache.try_emplace(FID, false);
    if (Inserted)
      It->second = InScope(absolutePath(FID));
    return It->second;
  }

private:
  std::string absolutePath(FileID FID);
  bool isCLibraryFunction(const FunctionDecl *F) const;
  Verdict check(const Rule &R, const CallExpr *Call) const;
  bool isPortedAtRunTime(const Rule &R, const CallExpr *Call) const;
  FdOrigin descriptorOrigin(const Expr *Fd) const;
  void moveEditsToInitializers(const Rule &R, const CallExpr *Call,
                               PendingRewrite &P) const;
  FdOrigin valueOrigin(const Expr *Value, const Stmt *Body,
                       unsigned Depth) const;
  FdOrigin callOrigin(const CallExpr *Call, bool ByReturn,
                      unsigned Depth) const;
  FdOrigin returnedOrigin(const FunctionDecl *F, unsigned Depth) const;
  std::optional<std::string> sourceText(const Expr *E) const;
  /// A condition over the call's arguments that holds exactly when the
  /// rule's constraints do, or nothing if one cannot be written safely.
  std::optional<std::string> runTimeGuard(const Rule &R,
                                          const CallExpr *Call) const;
  /// Queues R's edits of Call; with a Guard, each edit keeps the original
  /// argument for the runs where Guard is false.
  void rewrite(const Rule &R, const CallExpr *Call, const std::string &Guard);
  /// The rule's descriptor-test for this call's descriptor, if it can be
  /// read twice.
  std::optional<std::string> descriptorTest(const Rule &R,
                                            const CallExpr *Call) const;
  enum class Conversion { No, Yes, AtRunTime };
  Conversion convertsCall(const CallExpr *Call) const;
  bool isDeclaredAt(StringRef Name, SourceLocation Loc) const;
  std::optional<std::string> macroBodyHoldingCall(const CallExpr *Call) const;
  std::string callText(const CallExpr *Call, const PendingRewrite &P) const;

  Finding makeFinding(const Rule &R, Finding::Kind What, SourceLocation Loc,
                      std::string Message, std::string Note);
  void emit(Finding F);

  ASTContext &Ctx;
  SourceManager &SM;
  Preprocessor &PP;
  const IncludeRecorder &Includes;
  const FileScope &InScope;
  TUFindings &Out;
  const llvm::StringMap<int64_t> &Constants;
  const llvm::StringMap<std::string> &Helpers;
  llvm::StringMap<std::vector<const Rule *>> RulesByCall, RulesByType,
      RulesByMember;
  llvm::DenseMap<FileID, bool> ScopeCache;
  llvm::DenseMap<FileID, std::string> PathCache;
  std::vector<PendingRewrite> Pending;
  /// Functions whose bodies are being visited, innermost last.
  friend class Visitor;
  std::vector<const Stmt *> Bodies;
};

std::string TUAnalysis::absolutePath(FileID FID) {
  auto [It, Inserted] = PathCache.try_emplace(FID);
  if (!Inserted)
    return It->second;
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID);
  if (!Entry)
    return It->second;
  StringRef Real = Entry->getFileEntry().tryGetRealPathName();
  llvm::SmallString<256> Path(Real.empty() ? Entry->getName() : Real);
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  It->second = std::string(Path);
  return It->second;
}

/// Only the C library's function matches: a global, C-linkage declaration
/// with no body in this TU. A method, a namespaced or a static user function
/// that happens to be called `socket` is something else.
bool TUAnalysis::isCLibraryFunction(const FunctionDecl *F) const {
  if (!F || !F->getIdentifier() || isa<CXXMethodDecl>(F))
    return false;
  if (!F->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return false;
  if (!F->isExternC() || F->getStorageClass() == SC_Static)
    return false;
  return !F->hasBody();
}

/// The argument's value when its conditional picks the first branch:
/// `test ? IPPROTO_SCTP : 0` is IPPROTO_SCTP where the test holds.
static std::optional<int64_t> portedBranch(const Expr *Arg,
                                           const ASTContext &Ctx) {
  const auto *Cond = dyn_cast<ConditionalOperator>(Arg->IgnoreParenImpCasts());
  if (!Cond || integerValue(Cond->getCond(), Ctx))
    return std::nullopt;
  return integerValue(Cond->getTrueExpr(), Ctx);
}

bool TUAnalysis::isPortedAtRunTime(const Rule &R, const CallExpr *Call) const {
  if (R.Kind != RuleKind::Rewrite)
    return false;
  for (const ArgRewrite &W : R.Rewrites) {
    auto Target = Constants.find(W.To);
    if (W.Index >= Call->getNumArgs() || Target == Constants.end())
      return false;
    std::optional<int64_t> Branch = portedBranch(Call->getArg(W.Index), Ctx);
    if (!Branch || *Branch != Target->second)
      return false;
  }
  return !R.Rewrites.empty();
}

Verdict TUAnalysis::check(const Rule &R, const CallExpr *Call) const {
  Verdict V;
  // What a run-time rewrite wrote is already ported: a second run must not
  // see it as undecided.
  if (isPortedAtRunTime(R, Call))
    return {Verdict::DoesNotMatch, {}};
  for (const ArgConstraint &C : R.Args) {
    if (C.Index >= Call->getNumArgs())
      return {Verdict::DoesNotMatch, {}};
    const Expr *Arg = Call->getArg(C.Index);
    bool Known = true, Holds = true;
    if (C.String) {
      std::optional<std::string> S = stringValue(Arg);
      Known = S.has_value();
      Holds = Known && *S == *C.String;
    } else if (std::optional<int64_t> Value = integerValue(Arg, Ctx)) {
      int64_t Masked = *Value;
      for (const ValueRef &Bit : C.IgnoringBits)
        Masked &= ~Bit.Value;
      if (!C.Is.empty())
        Holds = llvm::any_of(C.Is, [&](const ValueRef &V) {
          return V.Value == Masked;
        });
      if (!C.HasAnyBit.empty())
        Holds = Holds && llvm::any_of(C.HasAnyBit, [&](const ValueRef &V) {
                  return (*Value & V.Value) != 0;
                });
    } else {
      Known = false;
    }
    if (Known && !Holds)
      return {Verdict::DoesNotMatch, {}};
    if (!Known) {
      V.Kind = Verdict::Unknown;
      V.UnknownArgs.push_back(C.Index);
    }
  }
  if (R.SocketArg && *R.SocketArg < Call->getNumArgs()) {
    switch (descriptorOrigin(Call->getArg(*R.SocketArg))) {
    case FdOrigin::NotConverted:
      return {Verdict::DoesNotMatch, {}};
    case FdOrigin::Mixed:
      // A rewrite must address the protocol the socket really has; when
      // that differs between paths, only a person can port it.
      if (R.Kind == RuleKind::Rewrite) {
        V.Kind = Verdict::Unknown;
        V.MixedDescriptor = true;
      }
      break;
    case FdOrigin::Converted:
    case FdOrigin::Unknown:
      break;
    }
  }
  return V;
}

/// Calls that hand out descriptors which are never Internet stream sockets.
/// A flag about TCP behaviour is noise on them.
static bool producesNonSocketDescriptor(StringRef Callee) {
  static const char *const Producers[] = {
      "open",          "openat",        "open64",    "creat",
      "pipe",          "pipe2",         "socketpair", "eventfd",
      "timerfd_create", "signalfd",     "epoll_create", "epoll_create1",
      "memfd_create",  "inotify_init",  "inotify_init1", "fileno"};
  return llvm::is_contained(Producers, Callee);
}

/// Whether the call yields what a rewrite rule makes (an SCTP socket):
/// because sctpify rewrites it, or because it already is in that form.
TUAnalysis::Conversion TUAnalysis::convertsCall(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return Conversion::No;
  auto It = RulesByCall.find(Callee->getName());
  if (It == RulesByCall.end())
    return Conversion::No;
  for (const Rule *R : It->second)
    if (R->Kind == RuleKind::Rewrite && !R->SocketArg &&
        ((check(*R, Call).Kind == Verdict::Unknown && runTimeGuard(*R, Call)) ||
         isPortedAtRunTime(*R, Call)))
      return Conversion::AtRunTime;
  bool Yes = llvm::any_of(It->second, [&](const Rule *R) {
    if (R->Kind != RuleKind::Rewrite || R->SocketArg)
      return false;
    if (check(*R, Call).Kind == Verdict::Matches)
      return true;
    // Already in the rule's rewritten form (socket(..., IPPROTO_SCTP)):
    // every rewritten argument holds the value its replacement names, and
    // every other constraint holds.
    Rule Ported = *R;
    llvm::erase_if(Ported.Args, [&](const ArgConstraint &C) {
      return llvm::any_of(R->Rewrites, [&](const ArgRewrite &W) {
        return W.Index == C.Index;
      });
    });
    if (check(Ported, Call).Kind != Verdict::Matches)
      return false;
    return llvm::all_of(R->Rewrites, [&](const ArgRewrite &W) {
      auto Target = Constants.find(W.To);
      auto Value = W.Index < Call->getNumArgs()
                       ? integerValue(Call->getArg(W.Index), Ctx)
                       : std::nullopt;
      return Target != Constants.end() && Value && *Value == Target->second;
    });
  });
  return Yes ? Conversion::Yes : Conversion::No;
}

namespace {
/// What a set of descriptor sources adds up to.
struct OriginSet {
  bool Converted = false, NotConverted = false, Unknown = false;
  void add(FdOrigin O) {
    switch (O) {
    case FdOrigin::Converted: Converted = true; break;
    case FdOrigin::NotConverted: NotConverted = true; break;
    case FdOrigin::Mixed: Converted = NotConverted = true; break;
    case FdOrigin::Unknown: Unknown = true; break;
    }
  }
  FdOrigin result() const {
    if (Converted && NotConverted)
      return FdOrigin::Mixed;
    if (Unknown || (!Converted && !NotConverted))
      return FdOrigin::Unknown;
    return Converted ? FdOrigin::Converted : FdOrigin::NotConverted;
  }
};

/// How far sctpify follows descriptors returned by the program's own
/// functions (`fd = new_socket_unix()`), which cover the usual wrappers.
constexpr unsigned MaxWrapperDepth = 3;
} // namespace

/// Classifies every value the descriptor Fd can hold: from a socket()
/// sctpify converts, from one it leaves alone or a non-socket producer
/// (pipe, open), or from somewhere it cannot see.
FdOrigin TUAnalysis::descriptorOrigin(const Expr *Fd) const {
  if (Bodies.empty())
    return FdOrigin::Unknown;
  return valueOrigin(Fd, Bodies.back(), 0);
}

FdOrigin TUAnalysis::callOrigin(const CallExpr *Call, bool ByReturn,
                                unsigned Depth) const {
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier())
    return FdOrigin::Unknown;
  if (producesNonSocketDescriptor(Callee->getName()))
    return FdOrigin::NotConverted;
  if (Callee->getName() == "socket" && isCLibraryFunction(Callee))
    switch (convertsCall(Call)) {
    case Conversion::Yes: return FdOrigin::Converted;
    case Conversion::No: return FdOrigin::NotConverted;
    case Conversion::AtRunTime: return FdOrigin::Mixed;
    }
  // A descriptor handed back by a function of the program: what it returns.
  // One that fills an argument instead could put anything there.
  const FunctionDecl *Definition = nullptr;
  if (ByReturn && Depth < MaxWrapperDepth && Callee->hasBody(Definition) &&
      !SM.isInSystemHeader(SM.getExpansionLoc(Definition->getLocation())))
    return returnedOrigin(Definition, Depth + 1);
  return FdOrigin::Unknown;
}

FdOrigin TUAnalysis::returnedOrigin(const FunctionDecl *F,
                                    unsigned Depth) const {
  struct ReturnFinder : RecursiveASTVisitor<ReturnFinder> {
    std::vector<const Expr *> Values;
    bool Opaque = false;
    bool VisitReturnStmt(ReturnStmt *Return) {
      if (!Return->getRetValue())
        Opaque = true;
      else
        Values.push_back(Return->getRetValue());
      return true;
    }
    // Returns inside these belong to other functions.
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool TraverseBlockExpr(BlockExpr *) { return true; }
  } Finder;
  Finder.TraverseStmt(F->getBody());
  if (Finder.Opaque || Finder.Values.empty())
    return FdOrigin::Unknown;
  OriginSet Origins;
  for (const Expr *Value : Finder.Values) {
    // `return -1;` reports a failure; it is no descriptor.
    if (std::optional<int64_t> Constant = integerValue(Value, Ctx)) {
      if (*Constant < 0)
        continue;
      Origins.add(FdOrigin::Unknown);
      continue;
    }
    Origins.add(valueOrigin(Value, F->getBody(), Depth));
  }
  return Origins.result();
}

/// The origin of Value in the function whose body is Body: a call, or a
/// local variable (or array) every assignment of which is classified.
FdOrigin TUAnalysis::valueOrigin(const Expr *Value, const Stmt *Body,
                                 unsigned Depth) const {
  if (!Value)
    return FdOrigin::Unknown;
  Value = Value->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(Value))
    return callOrigin(Call, /*ByReturn=*/true, Depth);
  const VarDecl *Var = nullptr;
  bool IsElement = false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Value)) {
    Var = dyn_cast<VarDecl>(Ref->getDecl());
  } else if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(Value)) {
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Sub->getBase()->IgnoreParenImpCasts())) {
      Var = dyn_cast<VarDecl>(Ref->getDecl());
      IsElement = true;
    }
  }
  if (!Var || !Var->isLocalVarDecl())
    return FdOrigin::Unknown;

  OriginSet Origins;
  struct SourceFinder : RecursiveASTVisitor<SourceFinder> {
    const VarDecl *Var;
    bool IsElement;
    std::function<void(const Expr *)> Assigned;
    std::function<void(const CallExpr *)> FilledBy;
    bool VisitVarDecl(VarDecl *D) {
      if (D == Var && D->hasInit() && !IsElement)
        Assigned(D->getInit());
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *Op) {
      if (!Op->isAssignmentOp())
        return true;
      const Expr *LHS = Op->getLHS()->IgnoreParenImpCasts();
      if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(LHS))
        LHS = Sub->getBase()->IgnoreParenImpCasts();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(LHS))
        if (Ref->getDecl() == Var)
          Assigned(Op->getOpcode() == BO_Assign ? Op->getRHS() : nullptr);
      return true;
    }
    bool VisitCallExpr(CallExpr *Call) {
      // The variable (or array) handed to a call may be filled by it:
      // pipe(fds) makes fds pipe ends; anything else could make it anything.
      for (const Expr *Arg : Call->arguments()) {
        const Expr *E = Arg->IgnoreParenImpCasts();
        if (const auto *Addr = dyn_cast<UnaryOperator>(E))
          if (Addr->getOpcode() == UO_AddrOf)
            E = Addr->getSubExpr()->IgnoreParenImpCasts();
        const auto *Ref = dyn_cast<DeclRefExpr>(E);
        if (!Ref || Ref->getDecl() != Var)
          continue;
        if (IsElement || Arg->getType()->isPointerType() ||
            Arg->getType()->isReferenceType() || E != Arg->IgnoreParenImpCasts())
          FilledBy(Call);
      }
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *Op) {
      // ++fd and friends: the value is no longer one we know.
      if (Op->isIncrementDecrementOp())
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(Op->getSubExpr()->IgnoreParenImpCasts()))
          if (Ref->getDecl() == Var)
            Assigned(nullptr);
      return true;
    }
  } Finder;
  Finder.Var = Var;
  Finder.IsElement = IsElement;
  Finder.Assigned = [&](const Expr *Source) {
    const auto *Call = dyn_cast_or_null<CallExpr>(
        Source ? Source->IgnoreParenImpCasts() : nullptr);
    Origins.add(Call ? callOrigin(Call, /*ByReturn=*/true, Depth)
                     : FdOrigin::Unknown);
  };
  Finder.FilledBy = [&](const CallExpr *Call) {
    Origins.add(callOrigin(Call, /*ByReturn=*/false, Depth));
  };
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
  return Origins.result();
}

bool TUAnalysis::isDeclaredAt(StringRef Name, SourceLocation Loc) const {
  IdentifierInfo *II = PP.getIdentifierInfo(Name);
  if (II->hadMacroDefinition() && PP.getMacroDefinitionAtLoc(II, Loc))
    return true;
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(DeclarationName(II)))
    if (SM.isBeforeInTranslationUnit(D->getLocation(), Loc))
      return true;
  return false;
}

/// The name of the macro whose body spells this call.
std::optional<std::string>
TUAnalysis::macroBodyHoldingCall(const CallExpr *Call) const {
  SourceLocation Loc = Call->getCallee()->getBeginLoc();
  if (!Loc.isMacroID())
    return std::nullopt;
  // Inside a macro *argument* the call is spelled in the file and can be
  // edited there; only a macro's own body cannot be edited per use.
  SourceLocation Spelling = Loc;
  while (Spelling.isMacroID() && SM.isMacroArgExpansion(Spelling))
    Spelling = SM.getImmediateSpellingLoc(Spelling);
  if (!Spelling.isMacroID())
    return std::nullopt;
  return Lexer::getImmediateMacroName(Spelling, SM, Ctx.getLangOpts()).str();
}

std::string TUAnalysis::callText(const CallExpr *Call,
                                 const PendingRewrite &P) const {
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Call->getSourceRange()), SM,
      Ctx.getLangOpts());
  if (Range.isInvalid())
    return "";
  auto [FID, Begin] = SM.getDecomposedLoc(Range.getBegin());
  unsigned End = SM.getFileOffset(Range.getEnd());
  std::string Text = SM.getBufferData(FID).slice(Begin, End).str();
  // Apply the edits from last to first so earlier offsets stay valid.
  auto Edits = P.Edits;
  llvm::sort(Edits, [&](const auto &A, const auto &B) {
    return SM.getFileOffset(A.first.getBegin()) >
           SM.getFileOffset(B.first.getBegin());
  });
  for (const auto &[EditRange, NewText] : Edits) {
    unsigned From = SM.getFileOffset(EditRange.getBegin()) - Begin;
    unsigned To = SM.getFileOffset(EditRange.getEnd()) - Begin;
    if (From > Text.size() || To > Text.size() || From > To)
      return "";
    Text.replace(From, To - From, NewText);
  }
  return Text;
}

Finding TUAnalysis::makeFinding(const Rule &R, Finding::Kind What,
                                SourceLocation Loc, std::string Message,
                                std::string Note) {
  // A call written in a macro argument is reported where it is written.
  Loc = SM.getFileLoc(Loc);
  Finding F;
  F.RuleId = R.Id;
  F.What = What;
  F.FilePath = absolutePath(SM.getFileID(Loc));
  F.Offset = SM.getFileOffset(Loc);
  F.Line = SM.getSpellingLineNumber(Loc);
  F.Column = SM.getSpellingColumnNumber(Loc);
  F.Message = std::move(Message);
  F.Note = std::move(Note);
  StringRef Contents = SM.getBufferData(SM.getFileID(Loc));
  F.Suppressed = isSuppressed(Contents, F.Offset, R.Id);
  F.ContentHash = llvm::xxh3_64bits(Contents);
  return F;
}

void TUAnalysis::emit(Finding F) { Out.Findings.push_back(std::move(F)); }

/// The source text of an expression, if it is spelled in one piece.
std::optional<std::string> TUAnalysis::sourceText(const Expr *E) const {
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM,
      Ctx.getLangOpts());
  if (Range.isInvalid())
    return std::nullopt;
  return Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str();
}

/// An operand that can be evaluated again, with the same value and no
/// effect: variables (not volatile), template parameters, members of those.
static bool isRereadable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (E->getType().isVolatileQualified())
    return false;
  if (isa<IntegerLiteral>(E))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl, NonTypeTemplateParmDecl, EnumConstantDecl>(
        Ref->getDecl());
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return isRereadable(Member->getBase());
  return false;
}

std::optional<std::string> TUAnalysis::runTimeGuard(const Rule &R,
                                                    const CallExpr *Call) const {
  auto Spell = [](const std::vector<ValueRef> &Values, StringRef Join) {
    std::string Out;
    for (const ValueRef &V : Values)
      Out += (Out.empty() ? "" : Join.str()) + V.Spelling;
    return Out;
  };
  std::vector<std::string> Conditions;
  for (const ArgConstraint &C : R.Args) {
    if (C.Index >= Call->getNumArgs())
      return std::nullopt;
    const Expr *Arg = Call->getArg(C.Index);
    if (integerValue(Arg, Ctx))
      continue; // check() already found it satisfied
    std::optional<std::string> Text = sourceText(Arg);
    if (C.String || !isRereadable(Arg) || !Text)
      return std::nullopt;
    std::string Operand = *Text;
    if (!C.IgnoringBits.empty())
      Operand = "(" + Operand + " & ~(" + Spell(C.IgnoringBits, " | ") + "))";
    std::vector<std::string> Alternatives;
    for (const ValueRef &V : C.Is)
      Alternatives.push_back(Operand + " == " + V.Spelling);
    if (!C.HasAnyBit.empty())
      Alternatives.push_back("(" + Operand + " & (" +
                             Spell(C.HasAnyBit, " | ") + ")) != 0");
    std::string Condition = llvm::join(Alternatives, " || ");
    if (Alternatives.size() > 1)
      Condition = "(" + Condition + ")";
    Conditions.push_back(std::move(Condition));
  }
  if (Conditions.empty())
    return std::nullopt;
  // A descriptor whose origin is mixed cannot be decided from arguments.
  if (R.SocketArg)
    return std::nullopt;
  return llvm::join(Conditions, " && ");
}

std::optional<std::string>
TUAnalysis::descriptorTest(const Rule &R, const CallExpr *Call) const {
  if (R.DescriptorTest.empty() || !R.SocketArg ||
      *R.SocketArg >= Call->getNumArgs())
    return std::nullopt;
  const Expr *Fd = Call->getArg(*R.SocketArg);
  std::optional<std::string> FdText = sourceText(Fd);
  if (!FdText || !isRereadable(Fd))
    return std::nullopt;
  std::string Test = R.DescriptorTest;
  std::string Placeholder = "${" + std::to_string(*R.SocketArg) + "}";
  for (size_t Pos = Test.find(Placeholder); Pos != std::string::npos;
       Pos = Test.find(Placeholder, Pos + FdText->size()))
    Test.replace(Pos, Placeholder.size(), *FdText);
  return Test;
}

void TUAnalysis::rewrite(const Rule &R, const CallExpr *Call,
                         const std::string &Guard) {
  PendingRewrite P{&R, Call->getBeginLoc(), {}, {}, !Guard.empty(), {}, {}};
  for (const ArgRewrite &W : R.Rewrites) {
    CharSourceRange Range;
    if (W.Index < Call->getNumArgs())
      Range = Lexer::makeFileCharRange(
          CharSourceRange::getTokenRange(Call->getArg(W.Index)->getSourceRange()),
          SM, Ctx.getLangOpts());
    std::optional<std::string> Original =
        Range.isValid() ? sourceText(Call->getArg(W.Index)) : std::nullopt;
    if (!Original) {
      emit(makeFinding(R, Finding::Kind::Review, Call->getBeginLoc(),
                       R.Message + "; an argument comes from a macro "
                                   "expansion sctpify cannot edit: port it by hand",
                       "SCTP form: " + R.Ex.After));
      return;
    }
    P.Edits.emplace_back(Range, Guard.empty() ? W.To
                                              : Guard + " ? " + W.To + " : " +
                                                    *Original);
  }
  P.SctpForm = callText(Call, P);
  if (Guard.empty())
    moveEditsToInitializers(R, Call, P);
  Pending.push_back(std::move(P));
}

/// An argument read from a local that only this call uses, and that is never
/// changed (`int level = IPPROTO_TCP; setsockopt(fd, level, ...)`), is
/// ported where its value is written: replacing the argument would leave the
/// variable unused, a warning the original build did not have.
void TUAnalysis::moveEditsToInitializers(const Rule &R, const CallExpr *Call,
                                         PendingRewrite &P) const {
  for (size_t I = 0; I < R.Rewrites.size() && I < P.Edits.size(); ++I) {
    const ArgRewrite &W = R.Rewrites[I];
    if (W.Index >= Call->getNumArgs())
      continue;
    const VarDecl *Local = unchangedLocal(Call->getArg(W.Index));
    if (!Local || referencesInFunction(Local) != 1)
      continue;
    CharSourceRange Initializer = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Local->getInit()->getSourceRange()), SM,
        Ctx.getLangOpts());
    if (Initializer.isValid())
      P.Edits[I].first = Initializer;
  }
}

/// The range, inside a macro's definition, that spells E; invalid if E is
/// (partly) a macro argument or spans more than the definition.
static CharSourceRange spellingInDefinition(const Expr *E,
                                            const SourceManager &SM,
                                            const LangOptions &LO) {
  SourceLocation Begin = E->getBeginLoc(), End = E->getEndLoc();
  if (!Begin.isMacroID() || SM.isMacroArgExpansion(Begin) ||
      SM.isMacroArgExpansion(End))
    return {};
  Begin = SM.getSpellingLoc(Begin);
  End = SM.getSpellingLoc(End);
  if (SM.getFileID(Begin) != SM.getFileID(End) ||
      SM.getFileOffset(End) < SM.getFileOffset(Begin))
    return {};
  return CharSourceRange::getCharRange(
      Begin, Lexer::getLocForEndOfToken(End, 0, SM, LO));
}

void TUAnalysis::visitMacroBodyCall(const CallExpr *Call,
                                    const std::vector<const Rule *> &Rules,
                                    const std::string &MacroName) {
  SourceLocation Definition;
  if (const MacroInfo *MI = PP.getMacroInfo(PP.getIdentifierInfo(MacroName)))
    Definition = MI->getDefinitionLoc();
  for (const Rule *R : Rules) {
    if (R->Kind != RuleKind::Rewrite)
      continue;
    Verdict V = check(*R, Call);
    MacroUse Use;
    Use.Key = R->Id + "@" +
              (Definition.isValid()
                   ? absolutePath(SM.getFileID(Definition)) + ":" +
                         std::to_string(SM.getFileOffset(Definition))
                   : MacroName);
    Use.Applies = V.Kind != Verdict::DoesNotMatch;
    if (Use.Applies)
      Use.Review = makeFinding(
          *R, Finding::Kind::Review, Call->getBeginLoc(),
          R->Message + "; the call is spelled inside macro " + MacroName +
              (Definition.isValid()
                   ? " defined at " +
                         llvm::sys::path::filename(
                             SM.getPresumedLoc(Definition).getFilename())
                             .str() +
                         ":" + std::to_string(SM.getPresumedLoc(Definition).getLine())
                   : "") +
              ", and not every expansion of it makes one: port it by hand",
          "SCTP form: " + R->Ex.After);
    // The definition can be edited for everyone only where its own text
    // spells every argument the rule rewrites, in a file of the project.
    PendingRewrite P{R, Call->getBeginLoc(), {}, {}, false, {}, {}};
    bool Editable = V.Kind == Verdict::Matches && Definition.isValid() &&
                    interesting(Definition);
    for (const ArgRewrite &W : R->Rewrites) {
      if (!Editable || W.Index >= Call->getNumArgs()) {
        Editable = false;
        break;
      }
      CharSourceRange Range = spellingInDefinition(Call->getArg(W.Index), SM,
                                                   Ctx.getLangOpts());
      if (Range.isInvalid()) {
        Editable = false;
        break;
      }
      P.Edits.emplace_back(Range, W.To);
    }
    Use.Qualifies = Editable;
    if (Editable) {
      P.Where = SM.getSpellingLoc(Call->getBeginLoc());
      P.MacroUseIndex = Out.MacroUses.size();
      P.MacroName = MacroName;
      P.SctpForm = "";
      Pending.push_back(std::move(P));
    }
    Out.MacroUses.push_back(std::move(Use));
  }
}

void TUAnalysis::visitCall(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return;
  auto It = RulesByCall.find(Callee->getName());
  if (It == RulesByCall.end() || !isCLibraryFunction(Callee) ||
      !interesting(Call->getBeginLoc()))
    return;
  // A call in a macro's body is one text for every expansion: rewrite rules
  // decide on all of them together (settleMacroUses); flags still apply to
  // each expansion.
  std::optional<std::string> Macro = macroBodyHoldingCall(Call);
  if (Macro)
    visitMacroBodyCall(Call, It->second, *Macro);

  const Rule *Undecided = nullptr;
  Verdict UndecidedVerdict;
  bool Reported = false;
  for (const Rule *R : It->second) {
    if (Macro && R->Kind == RuleKind::Rewrite)
      continue;
    Verdict V = check(*R, Call);
    if (V.Kind == Verdict::DoesNotMatch)
      continue;
    if (V.Kind == Verdict::Unknown) {
      // Only a rewrite is held back by an unknown value; a flag about
      // something that may not happen would be noise.
      if (R->Kind == RuleKind::Rewrite && !Undecided) {
        Undecided = R;
        UndecidedVerdict = V;
      }
      continue;
    }
    Reported = true;
    if (R->Kind == RuleKind::Flag) {
      emit(makeFinding(*R, Finding::Kind::Flag, Call->getBeginLoc(),
                       R->Message, R->Suggestion));
      continue;
    }
    rewrite(*R, Call, /*Guard=*/"");
  }
  if (Reported || !Undecided)
    return;
  // The values are only known at run time. When the arguments the rule
  // tests can be read twice without effect, the rewrite can test them at
  // run time: SCTP exactly where the call makes a TCP socket, the original
  // value everywhere else.
  if (std::optional<std::string> Guard = runTimeGuard(*Undecided, Call)) {
    rewrite(*Undecided, Call, *Guard);
    return;
  }
  // Only the descriptor is in doubt: ask the socket what it is.
  if (UndecidedVerdict.UnknownArgs.empty() && UndecidedVerdict.MixedDescriptor)
    if (std::optional<std::string> Test = descriptorTest(*Undecided, Call)) {
      rewrite(*Undecided, Call, *Test);
      return;
    }
  std::string Reason;
  for (unsigned Index : UndecidedVerdict.UnknownArgs)
    Reason += (Reason.empty() ? "its '" : ", '") + parameterName(Callee, Index) + "'";
  if (!Reason.empty())
    Reason += UndecidedVerdict.UnknownArgs.size() > 1
                  ? " are not compile-time constants"
                  : " is not a compile-time constant";
  if (UndecidedVerdict.MixedDescriptor)
    Reason += std::string(Reason.empty() ? "" : ", and ") +
              "its descriptor may hold a socket sctpify converts or one it "
              "leaves alone";
  emit(makeFinding(*Undecided, Finding::Kind::Review, Call->getBeginLoc(),
                   Callee->getName().str() + "() may need porting, but " +
                       Reason + "; sctpify leaves it for review",
                   // The rule's example may use other arguments than this
                   // call; its suggestion fits every call.
                   "if it does: " + Undecided->Suggestion));
}

/// Whether a tag is the type a rule names: `tcp_info` is any tag of that
/// name; `asio::ip::tcp` also matches `boost::asio::ip::tcp`.
static bool namesType(const TagDecl *Tag, StringRef Type) {
  if (!Type.contains("::"))
    return Tag->getName() == Type;
  std::string Qualified = Tag->getQualifiedNameAsString();
  StringRef Q(Qualified);
  return Q == Type || Q.ends_with(("::" + Type).str());
}

void TUAnalysis::visitTypeUse(const TagDecl *Tag, SourceLocation Loc) {
  if (!Tag->getIdentifier())
    return;
  auto It = RulesByType.find(Tag->getName());
  if (It == RulesByType.end() || !interesting(Loc))
    return;
  for (const Rule *R : It->second)
    if (namesType(Tag, R->Type))
      emit(makeFinding(*R, Finding::Kind::Flag, Loc, R->Message,
                       R->Suggestion));
}

void TUAnalysis::visitComparison(const BinaryOperator *Op) {
  if (!Op->isEqualityOp() || !interesting(Op->getOperatorLoc()))
    return;
  for (auto [Member, Other] : {std::pair(Op->getLHS(), Op->getRHS()),
                               std::pair(Op->getRHS(), Op->getLHS())}) {
    const auto *ME = dyn_cast<MemberExpr>(Member->IgnoreParenImpCasts());
    if (!ME || !ME->getMemberDecl()->getIdentifier())
      continue;
    auto It = RulesByMember.find(ME->getMemberDecl()->getName());
    if (It == RulesByMember.end())
      continue;
    std::optional<int64_t> Value = integerValue(Other, Ctx);
    if (!Value)
      continue;
    for (const Rule *R : It->second)
      if (llvm::any_of(R->Compare->Is,
                       [&](const ValueRef &V) { return V.Value == *Value; }))
        emit(makeFinding(*R, Finding::Kind::Flag, Op->getBeginLoc(),
                         R->Message, R->Suggestion));
  }
}

void TUAnalysis::finish() {
  struct Built {
    Finding F;
    const PendingRewrite *P;
  };
  std::vector<Built> All;
  for (const PendingRewrite &P : Pending) {
    std::string Message = P.R->Message;
    if (P.Guarded)
      Message += "; whether the call makes one is only known at run time, so "
                 "the rewrite tests it there";
    Finding F = makeFinding(*P.R, Finding::Kind::Rewrite, P.Where, Message,
                            P.SctpForm.empty() ? "SCTP form: " + P.R->Ex.After
                                               : "SCTP form: " + P.SctpForm);
    for (const auto &[Range, Text] : P.Edits)
      F.Fixes.emplace_back(
          F.FilePath, SM.getFileOffset(Range.getBegin()),
          SM.getFileOffset(Range.getEnd()) - SM.getFileOffset(Range.getBegin()),
          Text);
    All.push_back({std::move(F), &P});
  }

  // What each file needs declared before its first (unsuppressed) rewrite:
  // the rules' headers for names not yet visible, and the helpers the
  // rewrites call. One insertion per file, the same text in every finding
  // of that file, so any subset of them applies cleanly.
  struct Needs {
    SourceLocation FirstUse;
    std::vector<std::string> Headers, Helpers;
  };
  std::map<FileID, Needs> PerFile;
  for (const Built &B : All) {
    if (B.F.Suppressed)
      continue;
    SourceLocation Loc = SM.getExpansionLoc(B.P->Where);
    Needs &N = PerFile[SM.getFileID(Loc)];
    if (N.FirstUse.isInvalid() || SM.isBeforeInTranslationUnit(Loc, N.FirstUse))
      N.FirstUse = Loc;
  }
  for (const Built &B : All) {
    if (B.F.Suppressed)
      continue;
    Needs &N = PerFile[SM.getFileID(SM.getExpansionLoc(B.P->Where))];
    std::vector<std::string> Missing;
    for (const auto &Edit : B.P->Edits)
      for (const std::string &Name : identifiersIn(Edit.second))
        if (!isDeclaredAt(Name, N.FirstUse))
          Missing.push_back(Name);
    bool NeedsHeader = llvm::any_of(Missing, [&](const std::string &Name) {
      return !Helpers.count(Name);
    });
    for (const std::string &Header : B.P->R->Headers)
      if (NeedsHeader && !Includes.includesDirectly(N.FirstUse, Header) &&
          !llvm::is_contained(N.Headers, Header))
        N.Headers.push_back(Header);
    for (const std::string &Name : Missing)
      if (Helpers.count(Name) && !llvm::is_contained(N.Helpers, Name))
        N.Helpers.push_back(Name);
  }
  std::map<FileID, std::optional<tooling::Replacement>> Insertion;
  for (auto &[FID, N] : PerFile) {
    if (N.Headers.empty() && N.Helpers.empty())
      continue;
    std::optional<unsigned> Offset = Includes.insertionOffset(N.FirstUse);
    if (!Offset) {
      // No #include precedes the use: put it before the top-level
      // declaration that holds the use.
      for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
        SourceLocation Begin = SM.getExpansionLoc(D->getBeginLoc());
        SourceLocation End = SM.getExpansionLoc(D->getEndLoc());
        if (SM.getFileID(Begin) == FID &&
            !SM.isBeforeInTranslationUnit(N.FirstUse, Begin) &&
            !SM.isBeforeInTranslationUnit(End, N.FirstUse)) {
          Offset = SM.getFileOffset(Begin) -
                   (SM.getSpellingColumnNumber(Begin) - 1);
          break;
        }
      }
    }
    if (!Offset)
      continue;
    StringRef Text = SM.getBufferData(FID);
    std::string Lines;
    if (*Offset == Text.size() && !Text.empty() && !Text.ends_with("\n"))
      Lines = "\n";
    for (const std::string &Header : N.Headers)
      Lines += "#include " + Header + "\n";
    for (const std::string &Helper : N.Helpers)
      Lines += StringRef(Helpers.lookup(Helper)).rtrim().str() + "\n";
    Insertion[FID] = tooling::Replacement(absolutePath(FID), *Offset, 0, Lines);
  }

  for (Built &B : All) {
    FileID FID = SM.getFileID(SM.getExpansionLoc(B.P->Where));
    if (auto It = Insertion.find(FID); It != Insertion.end() && It->second)
      B.F.Fixes.push_back(*It->second);
    if (B.P->MacroUseIndex) {
      B.F.Message += "; it is spelled inside macro " + B.P->MacroName +
                     ", whose every expansion makes one, so its definition is "
                     "rewritten";
      Out.MacroUses[*B.P->MacroUseIndex].DefinitionRewrite = std::move(B.F);
      continue;
    }
    emit(std::move(B.F));
  }
  Pending.clear();
}

class Visitor : public RecursiveASTVisitor<Visitor> {
public:
  explicit Visitor(TUAnalysis &A) : A(A) {}
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    // Nothing declared in a system header is ours to port; skipping those
    // declarations also saves walking most of the TU.
    SourceLocation Loc = D->getLocation();
    if (Loc.isValid() && A.SM.isInSystemHeader(A.SM.getExpansionLoc(Loc)))
      return true;
    const auto *F = dyn_cast<FunctionDecl>(D);
    Stmt *Body = F && F->doesThisDeclarationHaveABody() ? F->getBody() : nullptr;
    if (Body)
      A.Bodies.push_back(Body);
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    if (Body)
      A.Bodies.pop_back();
    return Result;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    A.Bodies.push_back(L->getBody());
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(L);
    A.Bodies.pop_back();
    return Result;
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

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, const IncludeRecorder &Includes,
           const RuleTable &Rules, FileScope InScope, TUFindings &Out)
      : CI(CI), Includes(Includes), Rules(Rules), InScope(std::move(InScope)),
        Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred()) {
      Out.Failed = true;
      return;
    }
    TUAnalysis Analysis(Ctx, CI.getPreprocessor(), Includes, Rules, InScope,
                        Out);
    Visitor(Analysis).TraverseAST(Ctx);
    Analysis.finish();
  }

private:
  CompilerInstance &CI;
  const IncludeRecorder &Includes;
  const RuleTable &Rules;
  FileScope InScope;
  TUFindings &Out;
};

class FindingsAction : public ASTFrontendAction {
public:
  FindingsAction(const RuleTable &Rules, FileScope InScope, TUFindings &Out)
      : Rules(Rules), InScope(std::move(InScope)), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    Out.MainFile = File.str();
    auto Recorder = std::make_unique<IncludeRecorder>(CI.getSourceManager());
    const IncludeRecorder &Includes = *Recorder;
    CI.getPreprocessor().addPPCallbacks(std::move(Recorder));
    return std::make_unique<Consumer>(CI, Includes, Rules, InScope, Out);
  }

  void EndSourceFileAction() override {
    if (getCompilerInstance().getDiagnostics().hasErrorOccurred())
      Out.Failed = true;
  }

private:
  const RuleTable &Rules;
  FileScope InScope;
  TUFindings &Out;
};

} // namespace

void settleMacroUses(const std::vector<MacroUse> &Uses,
                     std::vector<Finding> &Findings) {
  std::map<std::string, std::vector<const MacroUse *>> ByMacro;
  for (const MacroUse &Use : Uses)
    ByMacro[Use.Key].push_back(&Use);
  for (const auto &[Key, All] : ByMacro) {
    bool Every = llvm::all_of(All, [](const MacroUse *U) {
      return U->Qualifies && U->DefinitionRewrite;
    });
    if (Every) {
      Findings.push_back(*All.front()->DefinitionRewrite);
      continue;
    }
    for (const MacroUse *U : All)
      if (U->Applies && U->Review)
        Findings.push_back(*U->Review);
  }
}

std::unique_ptr<FrontendAction>
createFindingsAction(const RuleTable &Rules, FileScope InScope,
                     TUFindings &Out) {
  return std::make_unique<FindingsAction>(Rules, std::move(InScope), Out);
}

} // namespace sctpify
