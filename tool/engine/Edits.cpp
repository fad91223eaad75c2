//===- Edits.cpp ----------------------------------------------------------===//
#include "engine/Edits.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace sctpify {

/// Where, inside the macro definition Def, the token at L was written. A
/// token that comes from a macro nested in the body (`IPPROTO_TCP` in
/// `#define NODELAY(fd) setsockopt(fd, IPPROTO_TCP, ...)`) was written as
/// that macro's name, so the walk goes out one expansion at a time until it
/// reaches text of the definition itself; a token from a macro argument
/// never does.
static SourceLocation writtenInDefinition(SourceLocation L, SourceRange Def,
                                          const SourceManager &SM, bool End) {
  auto Inside = [&](SourceLocation S) {
    return S.isFileID() && SM.getFileID(S) == SM.getFileID(Def.getBegin()) &&
           !SM.isBeforeInTranslationUnit(S, Def.getBegin()) &&
           !SM.isBeforeInTranslationUnit(Def.getEnd(), S);
  };
  while (L.isMacroID()) {
    if (SM.isMacroArgExpansion(L))
      return {};
    SourceLocation Spelled = SM.getImmediateSpellingLoc(L);
    if (Inside(Spelled))
      return Spelled;
    CharSourceRange Site = SM.getImmediateExpansionRange(L);
    L = End ? Site.getEnd() : Site.getBegin();
  }
  return {};
}

CharSourceRange EditBuilder::rangeOf(SourceRange R, EditSite Site) const {
  if (Site == EditSite::MacroDefinition) {
    if (Definition.isInvalid())
      return {};
    SourceLocation Begin =
        writtenInDefinition(R.getBegin(), Definition, SM, false);
    SourceLocation End = writtenInDefinition(R.getEnd(), Definition, SM, true);
    if (Begin.isInvalid() || End.isInvalid() ||
        SM.isBeforeInTranslationUnit(End, Begin))
      return {};
    return CharSourceRange::getCharRange(
        Begin, Lexer::getLocForEndOfToken(End, 0, SM, Ctx.getLangOpts()));
  }
  return Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM,
                                  Ctx.getLangOpts());
}

std::string EditBuilder::textOf(CharSourceRange R) const {
  return Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
}

std::optional<std::string> EditBuilder::sourceText(const Expr *E) const {
  CharSourceRange R = rangeOf(E->getSourceRange(), EditSite::File);
  if (R.isInvalid())
    return std::nullopt;
  return textOf(R);
}

/// The indentation of the line holding Loc.
static std::string indentationAt(SourceLocation Loc, const SourceManager &SM) {
  auto [FID, Offset] = SM.getDecomposedLoc(Loc);
  llvm::StringRef Text = SM.getBufferData(FID);
  size_t LineStart = Text.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Line = Text.slice(LineStart, Offset);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

std::optional<PortedCall> EditBuilder::wholeCall(const Binding &B,
                                                 const Template &T,
                                                 EditSite Site) const {
  CharSourceRange Range = rangeOf(B.Call->getSourceRange(), Site);
  if (Range.isInvalid())
    return std::nullopt;
  if (B.pattern().Statement) {
    // The statement's `;` goes with it.
    SourceLocation AfterSemi = Lexer::findLocationAfterToken(
        Range.getEnd().getLocWithOffset(-1), tok::semi, SM, Ctx.getLangOpts(),
        /*SkipTrailingWhitespaceAndNewLine=*/false);
    if (AfterSemi.isInvalid())
      return std::nullopt;
    Range = CharSourceRange::getCharRange(Range.getBegin(), AfterSemi);
  }
  bool Missing = false;
  std::string Text = T.substitute([&](llvm::StringRef Name) {
    const Expr *Arg = B.arg(Name);
    CharSourceRange R = Arg ? rangeOf(Arg->getSourceRange(), Site)
                            : CharSourceRange();
    if (R.isInvalid()) {
      Missing = true;
      return std::string();
    }
    return textOf(R);
  });
  if (Missing)
    return std::nullopt;
  // Later lines of a multi-line replacement line up with the statement.
  std::string Indent = "\n" + indentationAt(Range.getBegin(), SM);
  std::string Indented;
  for (char C : Text)
    Indented += C == '\n' ? Indent : std::string(1, C);
  PortedCall Port;
  Port.Form = Text;
  Port.Edits.push_back({Range, Indented});
  return Port;
}

std::optional<PortedCall> EditBuilder::build(const Binding &B,
                                             const Template &T, EditSite Site,
                                             bool MoveToInitializers) const {
  const CallPattern &P = B.pattern();
  if (!T.call() || P.Statement || T.call()->Args.size() != P.Args.size())
    return wholeCall(B, T, Site);

  CharSourceRange CallRange = rangeOf(B.Call->getSourceRange(), Site);
  PortedCall Port;
  std::vector<std::pair<size_t, const Expr *>> ArgEdits;
  // The callee's name only, so `::socket` and `(socket)` keep their shape.
  if (T.call()->Callee != P.Callee) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(B.Call->getCallee()->IgnoreParenImpCasts());
    CharSourceRange Name =
        Ref ? rangeOf(SourceRange(Ref->getLocation()), Site) : CharSourceRange();
    if (Name.isInvalid())
      return std::nullopt;
    Port.Edits.push_back({Name, T.call()->Callee});
  }
  for (size_t I = 0; I < P.Args.size(); ++I) {
    const std::string &Wanted = T.call()->Args[I];
    if (Wanted == "$" + P.Args[I])
      continue;
    const Expr *Arg = B.Call->getArg(I);
    CharSourceRange Range = rangeOf(Arg->getSourceRange(), Site);
    if (Range.isInvalid())
      return std::nullopt;
    bool Missing = false;
    Template Piece = cantFail(Template::parse(Wanted));
    std::string Text = Piece.substitute([&](llvm::StringRef Name) {
      const Expr *Other = B.arg(Name);
      CharSourceRange R =
          Other ? rangeOf(Other->getSourceRange(), Site) : CharSourceRange();
      Missing |= R.isInvalid();
      return R.isValid() ? textOf(R) : std::string();
    });
    if (Missing)
      return std::nullopt;
    Port.Edits.push_back({Range, Text});
    ArgEdits.push_back({Port.Edits.size() - 1, Arg});
  }
  // The note shows the call as it reads after the port, before any edit
  // moves to an initialiser.
  if (CallRange.isValid()) {
    unsigned Begin = SM.getFileOffset(CallRange.getBegin());
    unsigned End = SM.getFileOffset(CallRange.getEnd());
    std::string Text = textOf(CallRange);
    auto Sorted = Port.Edits;
    llvm::sort(Sorted, [&](const PlannedEdit &A, const PlannedEdit &B) {
      return SM.getFileOffset(A.Range.getBegin()) >
             SM.getFileOffset(B.Range.getBegin());
    });
    for (const PlannedEdit &E : Sorted) {
      unsigned From = SM.getFileOffset(E.Range.getBegin());
      unsigned To = SM.getFileOffset(E.Range.getEnd());
      if (SM.getFileID(E.Range.getBegin()) != SM.getFileID(CallRange.getBegin()) ||
          From < Begin || To > End)
        continue;
      Text.replace(From - Begin, To - From, E.Text);
    }
    Port.Form = Text;
  }
  if (MoveToInitializers && Site == EditSite::File)
    for (auto [Index, Arg] : ArgEdits)
      if (const VarDecl *Local = Locals.unchangedLocal(Arg))
        if (Locals.references(Local) == 1) {
          CharSourceRange Init =
              rangeOf(Local->getInit()->getSourceRange(), Site);
          if (Init.isValid())
            Port.Edits[Index].Range = Init;
        }
  return Port;
}

} // namespace sctpify
