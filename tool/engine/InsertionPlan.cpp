//===- InsertionPlan.cpp --------------------------------------------------===//
#include "engine/InsertionPlan.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <map>

using namespace clang;
using llvm::StringRef;

namespace sctpify {
namespace {

/// The identifiers a piece of code names.
std::vector<std::string> identifiersIn(StringRef Text) {
  std::vector<std::string> Names;
  for (size_t I = 0; I < Text.size();) {
    bool Start = llvm::isAlpha(Text[I]) || Text[I] == '_';
    if (!Start || (I > 0 && (llvm::isAlnum(Text[I - 1]) || Text[I - 1] == '_'))) {
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

class Planner {
public:
  Planner(ASTContext &Ctx, Preprocessor &PP, const IncludeRecorder &Includes,
          const RuleTable &Rules)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), PP(PP), Includes(Includes),
        Rules(Rules) {}

  bool isDeclaredAt(StringRef Name, SourceLocation Loc) const {
    IdentifierInfo *II = PP.getIdentifierInfo(Name);
    if (II->hadMacroDefinition() && PP.getMacroDefinitionAtLoc(II, Loc))
      return true;
    for (const NamedDecl *D :
         Ctx.getTranslationUnitDecl()->lookup(DeclarationName(II)))
      if (SM.isBeforeInTranslationUnit(D->getLocation(), Loc))
        return true;
    return false;
  }

  /// Adds Name and, first, the helpers it calls that are not declared yet.
  void addHelper(const std::string &Name, SourceLocation At,
                 std::vector<std::string> &Out) {
    if (llvm::is_contained(Out, Name) || isDeclaredAt(Name, At))
      return;
    const Helper &H = Rules.helpers().find(Name)->second;
    for (const std::string &Used : H.Uses)
      addHelper(Used, At, Out);
    Out.push_back(Name);
  }

  void addHeaders(const std::vector<std::string> &Headers, SourceLocation At,
                  std::vector<std::string> &Out) {
    for (const std::string &Header : Headers)
      if (!Includes.includesDirectly(At, Header) &&
          !llvm::is_contained(Out, Header))
        Out.push_back(Header);
  }

  /// A helper's header entry is `<header> name...`: the header is needed
  /// unless the file includes it itself or every name is already visible
  /// (an entry with no names is always needed).
  void addHelperHeaders(const Helper &H, SourceLocation At,
                        std::vector<std::string> &Out) {
    for (StringRef Entry : H.Headers) {
      SmallVector<StringRef> Words;
      Entry.split(Words, ' ', -1, /*KeepEmpty=*/false);
      if (Words.empty())
        continue;
      bool Visible = Words.size() > 1 &&
                     llvm::all_of(llvm::drop_begin(Words), [&](StringRef Name) {
                       return isDeclaredAt(Name, At);
                     });
      if (!Visible)
        addHeaders({Words.front().str()}, At, Out);
    }
  }

  std::optional<unsigned> offsetFor(FileID FID, SourceLocation FirstUse) const {
    if (std::optional<unsigned> Offset = Includes.insertionOffset(FirstUse))
      return Offset;
    // No #include precedes the use: before the top-level declaration that
    // holds it.
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
      SourceLocation Begin = SM.getExpansionLoc(D->getBeginLoc());
      SourceLocation End = SM.getExpansionLoc(D->getEndLoc());
      if (SM.getFileID(Begin) == FID &&
          !SM.isBeforeInTranslationUnit(FirstUse, Begin) &&
          !SM.isBeforeInTranslationUnit(End, FirstUse))
        return SM.getFileOffset(Begin) - (SM.getSpellingColumnNumber(Begin) - 1);
    }
    return std::nullopt;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  Preprocessor &PP;
  const IncludeRecorder &Includes;
  const RuleTable &Rules;
};

} // namespace

void planInsertions(std::vector<PortRequest> &Requests, ASTContext &Ctx,
                    Preprocessor &PP, const IncludeRecorder &Includes,
                    const RuleTable &Rules,
                    const std::function<std::string(FileID)> &PathOf,
                    TUResult &Out) {
  Planner P(Ctx, PP, Includes, Rules);
  const SourceManager &SM = Ctx.getSourceManager();
  std::map<FileID, SourceLocation> FirstUse;
  for (const PortRequest &Req : Requests) {
    if (Req.F->Suppressed)
      continue;
    SourceLocation Loc = SM.getExpansionLoc(Req.Where);
    SourceLocation &First = FirstUse[SM.getFileID(Loc)];
    if (First.isInvalid() || SM.isBeforeInTranslationUnit(Loc, First))
      First = Loc;
  }
  for (PortRequest &Req : Requests) {
    if (Req.F->Suppressed)
      continue;
    SourceLocation At = FirstUse[SM.getFileID(SM.getExpansionLoc(Req.Where))];
    bool NeedsRuleHeaders = false;
    for (const std::string &Text : Req.Texts)
      for (const std::string &Name : identifiersIn(Text)) {
        if (P.isDeclaredAt(Name, At))
          continue;
        if (Rules.helpers().count(Name))
          P.addHelper(Name, At, Req.F->NeedsHelpers);
        else
          NeedsRuleHeaders = true;
      }
    if (NeedsRuleHeaders)
      P.addHeaders(Req.R->Headers, At, Req.F->NeedsHeaders);
    for (const std::string &Name : Req.F->NeedsHelpers) {
      const Helper &H = Rules.helpers().find(Name)->second;
      P.addHelperHeaders(H, At, Req.F->NeedsHeaders);
      Out.HelperCode[Name] = H.Code;
    }
  }
  for (const auto &[FID, First] : FirstUse) {
    std::optional<unsigned> Offset = P.offsetFor(FID, First);
    if (!Offset)
      continue;
    StringRef Text = SM.getBufferData(FID);
    InsertionPoint Point;
    // Nothing goes before a byte-order mark.
    if (*Offset < 3 && Text.starts_with("\xEF\xBB\xBF"))
      *Offset = 3;
    Point.Offset = *Offset;
    size_t Newline = Text.find('\n');
    Point.CRLF = Newline != StringRef::npos && Newline > 0 && Text[Newline - 1] == '\r';
    Point.NeedsLeadingNewline =
        *Offset == Text.size() && !Text.empty() && !Text.ends_with("\n");
    Out.Insertions[PathOf(FID)] = Point;
  }
}

std::string renderInsertion(const InsertionPoint &Where,
                            const std::vector<std::string> &Headers,
                            const std::vector<std::string> &Helpers,
                            const std::map<std::string, std::string> &Code) {
  std::string Lines;
  for (const std::string &Header : Headers)
    Lines += "#include " + Header + "\n";
  for (const std::string &Name : Helpers) {
    auto It = Code.find(Name);
    if (It == Code.end())
      continue;
    std::string Guard = llvm::StringRef(Name).upper() + "_DEFINED";
    Lines += "#ifndef " + Guard + "\n#define " + Guard + "\n" +
             StringRef(It->second).rtrim().str() + "\n#endif\n";
  }
  if (Lines.empty())
    return Lines;
  if (Where.NeedsLeadingNewline)
    Lines.insert(0, "\n");
  std::string Out;
  for (char C : Lines) {
    if (C == '\n' && Where.CRLF)
      Out += '\r';
    Out += C;
  }
  return Out;
}

} // namespace sctpify
