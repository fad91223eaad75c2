//===- IncludePlacement.h - Where a new #include compiles -------*- C++ -*-===//
//
// A new `#include <netinet/sctp.h>` must compile whatever the file's include
// order is. Placing it first would process <features.h> before a later
// `#define _GNU_SOURCE` or "config.h" and change what the file's own includes
// declare; placing it inside an `#if` that does not enclose the use would make
// it vanish in other configurations. So the include goes right after the last
// #include (or #endif of a block of includes) that precedes the first use and
// sits in every conditional block that encloses the use, and before any
// include the project keeps last (`keep-last-includes`). The same callbacks
// record which macro names `#ifdef` and `defined()` test around each line,
// so that a port that replaces a tested name can port the test too.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_INCLUDEPLACEMENT_H
#define SCTPIFY_ENGINE_INCLUDEPLACEMENT_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/GlobPattern.h"
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace sctpify {

class IncludeRecorder : public clang::PPCallbacks {
public:
  /// \p KeepLast: globs over include names as spelled; a new include goes
  /// before the first one matching (may be null).
  IncludeRecorder(const clang::SourceManager &SM,
                  const std::vector<llvm::GlobPattern> *KeepLast = nullptr)
      : SM(SM), KeepLast(KeepLast) {}

  /// The offset, in Use's file, where a new include line can be inserted so
  /// that it is seen before Use in every configuration in which Use is.
  /// Empty when the file has no usable anchor before Use.
  std::optional<unsigned> insertionOffset(clang::SourceLocation Use) const;

  /// Whether the file holding Loc spells `#include Header` itself, before Loc.
  bool includesDirectly(clang::SourceLocation Loc,
                        llvm::StringRef Header) const;

  void InclusionDirective(clang::SourceLocation HashLoc,
                          const clang::Token &IncludeTok,
                          llvm::StringRef FileName, bool IsAngled,
                          clang::CharSourceRange FilenameRange,
                          clang::OptionalFileEntryRef File,
                          llvm::StringRef SearchPath,
                          llvm::StringRef RelativePath,
                          const clang::Module *SuggestedModule,
                          bool ModuleImported,
                          clang::SrcMgr::CharacteristicKind FileType) override;
  /// The macro names that `#ifdef NAME` or `defined(NAME)` in an `#if` or
  /// `#elif` test, in Use's file, around Use: in the branch that holds it.
  /// Offsets of the name tokens, in bytes.
  std::vector<unsigned> guardsAround(clang::SourceLocation Use,
                                     llvm::StringRef Name) const;

  void If(clang::SourceLocation Loc, clang::SourceRange,
          ConditionValueKind) override {
    open(Loc);
    openBranch(Loc);
  }
  void Ifdef(clang::SourceLocation Loc, const clang::Token &Name,
             const clang::MacroDefinition &) override {
    open(Loc);
    Defined(Name, {}, {});
    openBranch(Loc);
  }
  void Defined(const clang::Token &Name, const clang::MacroDefinition &,
               clang::SourceRange) override;
  void Elif(clang::SourceLocation Loc, clang::SourceRange, ConditionValueKind,
            clang::SourceLocation) override {
    closeBranch(Loc);
    openBranch(Loc);
  }
  void Else(clang::SourceLocation Loc, clang::SourceLocation) override {
    closeBranch(Loc);
    Pending.clear();
    openBranch(Loc);
  }
  void Ifndef(clang::SourceLocation Loc, const clang::Token &,
              const clang::MacroDefinition &) override {
    open(Loc);
    Pending.clear(); // its branch is where the name is not defined
    openBranch(Loc);
  }
  void Endif(clang::SourceLocation Loc, clang::SourceLocation IfLoc) override;

private:
  struct Block {
    unsigned Begin, End; // offsets of `#if` and `#endif`
  };
  struct Anchor {
    unsigned Offset;       // start of the anchor directive
    unsigned NextLine;     // offset of the line after it
  };
  struct FileRecord {
    std::vector<Block> Blocks;
    std::vector<Anchor> Anchors;
    std::vector<std::pair<unsigned, bool>> OpenIfs; // offset, holds includes
    struct Include {
      std::string Name;
      bool Angled;
      unsigned Offset;
    };
    std::vector<Include> Includes;
    /// The first include kept last: no anchor from there on.
    std::optional<unsigned> FirstKeptLast;
    struct Guard {
      std::string Name;
      unsigned NameOffset, Begin, End; // End: the next #elif/#else/#endif
    };
    std::vector<Guard> Guards;
    std::vector<std::vector<size_t>> OpenBranches; // indices into Guards
  };
  /// Names tested by the condition being evaluated: (file, offset, name).
  std::vector<std::tuple<clang::FileID, unsigned, std::string>> Pending;

  void open(clang::SourceLocation Loc);
  /// A branch starts at Loc and takes the names tested since the last one.
  void openBranch(clang::SourceLocation Loc);
  void closeBranch(clang::SourceLocation Loc);
  unsigned nextLineOffset(clang::SourceLocation Loc) const;

  const clang::SourceManager &SM;
  const std::vector<llvm::GlobPattern> *KeepLast;
  llvm::DenseMap<clang::FileID, FileRecord> Files;
};

} // namespace sctpify

#endif
