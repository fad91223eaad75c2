//===- NoLint.cpp ---------------------------------------------------------===//
#include "tidy/NoLint.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <optional>

using llvm::StringRef;

namespace sctpify::tidy {

enum class Kind { Line, NextLine, Begin, End };

namespace {
struct Directive {
  Kind K;
  size_t Pos;
  /// The text between the parentheses, spaces around each glob removed;
  /// none means every check, as clang-tidy reads a bare NOLINT.
  std::optional<std::string> Checks;

  bool covers(StringRef Check) const {
    // As in clang-tidy, a `-glob` inside NOLINT(...) is ignored rather than
    // read as an exception.
    return clang::tidy::GlobList(Checks ? StringRef(*Checks) : "*",
                                 /*KeepNegativeGlobs=*/false)
        .contains(Check);
  }
};

} // namespace

struct NoLintBlock {
  size_t Begin, End;
  std::optional<std::string> Checks;
};

/// Every directive in Text, in order. A word that starts with NOLINT but
/// is none of the four is not a directive, and a `(` without its `)` on the
/// same line leaves the directive covering every check.
static std::vector<Directive> directives(StringRef Text) {
  std::vector<Directive> Found;
  size_t Pos = 0;
  while ((Pos = Text.find("NOLINT", Pos)) != StringRef::npos) {
    size_t Start = Pos;
    Pos += 6;
    while (Pos < Text.size() && llvm::isAlpha(Text[Pos]))
      ++Pos;
    std::optional<Kind> K = llvm::StringSwitch<std::optional<Kind>>(
                                Text.slice(Start, Pos))
                                .Case("NOLINT", Kind::Line)
                                .Case("NOLINTNEXTLINE", Kind::NextLine)
                                .Case("NOLINTBEGIN", Kind::Begin)
                                .Case("NOLINTEND", Kind::End)
                                .Default(std::nullopt);
    if (!K)
      continue;
    std::optional<std::string> Checks;
    if (Pos < Text.size() && Text[Pos] == '(') {
      size_t Close = Text.find_first_of("\n)", Pos + 1);
      if (Close != StringRef::npos && Text[Close] == ')') {
        llvm::SmallVector<StringRef> Globs;
        Text.slice(Pos + 1, Close).split(Globs, ',');
        for (StringRef &G : Globs)
          G = G.trim();
        Checks = llvm::join(Globs, ",");
        Pos = Close + 1;
      }
    }
    Found.push_back({*K, Start, std::move(Checks)});
  }
  return Found;
}

NoLintComments::NoLintComments(StringRef Text) : Text(Text) {
  // A BEGIN closes with the next END that names the same checks, innermost
  // first; unmatched ones silence nothing (clang-tidy reports them itself).
  std::vector<Directive> Open;
  for (Directive &D : directives(Text)) {
    if (D.K == Kind::Begin) {
      Open.push_back(std::move(D));
    } else if (D.K == Kind::End && !Open.empty() &&
               Open.back().Checks == D.Checks) {
      Blocks.push_back({Open.back().Pos, D.Pos, Open.back().Checks});
      Open.pop_back();
    }
  }
}

NoLintComments::~NoLintComments() = default;

bool NoLintComments::silences(unsigned Offset, StringRef Check) const {
  auto LineAround = [&](size_t At) {
    size_t Begin = Text.find_last_of('\n', At);
    Begin = Begin == StringRef::npos ? 0 : Begin + 1;
    return std::make_pair(Begin, std::min(Text.find('\n', At), Text.size()));
  };
  auto LineSays = [&](std::pair<size_t, size_t> Line, Kind K) {
    return llvm::any_of(directives(Text.slice(Line.first, Line.second)),
                        [&](const Directive &D) {
                          return D.K == K && D.covers(Check);
                        });
  };
  auto This = LineAround(Offset);
  if (LineSays(This, Kind::Line))
    return true;
  if (This.first > 0 && LineSays(LineAround(This.first - 1), Kind::NextLine))
    return true;
  return llvm::any_of(Blocks, [&](const NoLintBlock &B) {
    return B.Begin < Offset && Offset < B.End &&
           Directive{Kind::Begin, B.Begin, B.Checks}.covers(Check);
  });
}

bool NoLintCache::silences(StringRef File, StringRef Text, unsigned Offset,
                           StringRef Check) {
  std::unique_ptr<NoLintComments> &Comments = Files[File];
  if (!Comments)
    Comments = std::make_unique<NoLintComments>(Text);
  return Comments->silences(Offset, Check);
}

} // namespace sctpify::tidy
