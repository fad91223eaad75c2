//===- TriggerScan.h - Cheap test: can a TU hold anything to port? -*- C++ -*-//
//
// Most translation units of a real project never touch a socket. Deciding
// that costs a preprocessor run instead of a parse, and most of the
// preprocessor's time goes into system headers whose tokens no rule looks at:
// those are read as their directives only (the way clang-scan-deps reads
// files), so their macros still exist but their declarations are not lexed.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_TRIGGERSCAN_H
#define SCTPIFY_ENGINE_TRIGGERSCAN_H

#include "engine/RuleTable.h"
#include "clang/Lex/DependencyDirectivesScanner.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <mutex>

namespace sctpify {

/// The spellings that every AST match of a rule table leaves in the token
/// stream, by the context in which they count.
struct Triggers {
  /// Direct callees: count before '(', or alone in parentheses as in
  /// `(socket)(...)`; not after '.' or '->' (a member is no C function), nor
  /// in a declarator such as `(*send)`.
  llvm::StringSet<> Calls;
  /// Compared members: count only after '.' or '->'; a declaration of the
  /// member, in a header every TU includes, compares nothing.
  llvm::StringSet<> Members;
  /// Type names (last component): count anywhere.
  llvm::StringSet<> Types;

  static Triggers of(const RuleTable &Rules);
};

/// The directives of system headers, scanned once per run and shared by
/// every TU and thread.
class SystemHeaderDirectives {
public:
  /// The directives of \p File, or nothing to lex it in full (unreadable, or
  /// the scanner could not handle it).
  std::optional<llvm::ArrayRef<clang::dependency_directives_scan::Directive>>
  of(clang::FileEntryRef File);

private:
  struct Scanned {
    llvm::SmallVector<clang::dependency_directives_scan::Token, 0> Tokens;
    llvm::SmallVector<clang::dependency_directives_scan::Directive, 0>
        Directives;
    bool Usable = false;
  };
  std::mutex Lock;
  // Entries never move once made, so a returned ArrayRef stays valid while
  // other threads add files.
  llvm::StringMap<std::unique_ptr<Scanned>> ByPath;
};

/// Creates, per TU, a preprocessor-only action that sets \p MayNeedPorting
/// when a trigger appears outside system headers, or when the TU has errors
/// (the full parse then reports them).
std::unique_ptr<clang::tooling::FrontendActionFactory>
newTriggerScanFactory(const Triggers &Wanted, SystemHeaderDirectives &Cache,
                      bool &MayNeedPorting);

} // namespace sctpify

#endif
