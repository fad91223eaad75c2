//===- Edits.h - From a bound template to source edits ----------*- C++ -*-===//
//
// A replacement that keeps the call's shape (`socket($domain, $type,
// IPPROTO_SCTP)` for `socket($domain, $type, $protocol)`) edits only what
// differs: the callee's name and the arguments whose text changes, so the
// diff is as small as a careful person's and the file's own spelling, comments
// and line breaks stay. Anything else replaces the whole call, or the whole
// statement for a statement pattern.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_EDITS_H
#define SCTPIFY_ENGINE_EDITS_H

#include "engine/LocalFacts.h"
#include "engine/Matcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceLocation.h"
#include <optional>
#include <string>
#include <vector>

namespace sctpify {

struct PlannedEdit {
  clang::CharSourceRange Range;
  std::string Text;
};

struct PortedCall {
  std::vector<PlannedEdit> Edits;
  std::string Form; ///< the call as it reads after the edits
};

/// Where the text of a match is edited: in the file where it is written
/// (a macro argument counts as written there), or in the body of the macro
/// that spells it, for all of the macro's expansions at once.
enum class EditSite { File, MacroDefinition };

class EditBuilder {
public:
  EditBuilder(clang::ASTContext &Ctx, LocalFacts &Locals)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Locals(Locals) {}

  /// The edits that turn B's call into T, or nothing when a part that must
  /// change is not spelled where it can be edited (a macro expansion).
  /// With MoveToInitializers, a changed argument read from a local that
  /// only this call uses, and that never changes, is ported in the local's
  /// initialiser instead, so the variable does not become unused.
  std::optional<PortedCall> build(const Binding &B, const Template &T,
                                  EditSite Site, bool MoveToInitializers) const;

  /// For EditSite::MacroDefinition: the source range of the macro's
  /// definition. An edit must lie inside it — an argument that is itself a
  /// macro is spelled in *its* definition, maybe a system header.
  void setDefinition(clang::SourceRange Definition) { this->Definition = Definition; }

  /// The text of E if it is spelled in one piece in a file.
  std::optional<std::string> sourceText(const clang::Expr *E) const;

private:
  clang::CharSourceRange rangeOf(clang::SourceRange R, EditSite Site) const;
  std::string textOf(clang::CharSourceRange R) const;
  std::optional<PortedCall> wholeCall(const Binding &B, const Template &T,
                                      EditSite Site) const;

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  LocalFacts &Locals;
  clang::SourceRange Definition;
};

} // namespace sctpify

#endif
