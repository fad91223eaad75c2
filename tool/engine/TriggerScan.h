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
#include "clang/Tooling/DependencyScanning/DependencyScanningFilesystem.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringSet.h"
#include <memory>

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

/// What the scans of one run share, as clang-scan-deps shares it between
/// its workers: each file's status and contents, read once however many TUs
/// include it, and the directives of the headers read as directives only.
/// Without it every TU's scan repeats the same stat, open, read and
/// realpath calls for every header, which costs more than lexing them.
class ScanFiles {
public:
  /// A file system for one scan at a time (they are not thread-safe), over
  /// the run's cache; \p Files is the cached part, for the scan's action.
  /// \p MainFile (relative to \p Directory) is read from disk: each is read
  /// once a run, so caching it would only hold it in memory until the end.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
  forOneScan(llvm::StringRef MainFile, llvm::StringRef Directory,
             llvm::IntrusiveRefCntPtr<
                 clang::tooling::dependencies::DependencyScanningWorkerFilesystem>
                 &Files);

private:
  clang::tooling::dependencies::DependencyScanningFilesystemSharedCache Shared;
};

/// Creates, per TU, a preprocessor-only action that sets \p MayNeedPorting
/// when a trigger appears outside system headers, or when the TU has errors
/// (the full parse then reports them).
/// \p Files must be the file system the scan's ClangTool reads through.
std::unique_ptr<clang::tooling::FrontendActionFactory> newTriggerScanFactory(
    const Triggers &Wanted,
    clang::tooling::dependencies::DependencyScanningWorkerFilesystem &Files,
    bool &MayNeedPorting);

} // namespace sctpify

#endif
