//===- Finding.cpp --------------------------------------------------------===//
#include "engine/Finding.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Allocator.h"
#include <mutex>

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace sctpify {
namespace {

/// The texts of every Interned. TUs are analysed on several threads, so
/// each insertion takes the lock; a finding interns a few texts, next to a
/// parse that costs far more. The entries sit in a bump allocator: no
/// per-string malloc header, and they never move.
struct Pool {
  std::mutex Lock;
  llvm::StringSet<llvm::BumpPtrAllocator> Texts;
};

Pool &pool() {
  static Pool P;
  return P;
}

} // namespace

Interned::Interned(llvm::StringRef Text) {
  if (Text.empty())
    return; // one empty string: the null handle
  Pool &P = pool();
  std::lock_guard<std::mutex> Guard(P.Lock);
  Entry = &*P.Texts.insert(Text).first;
}

std::vector<Replacement> Finding::fixes() const {
  std::vector<Replacement> All;
  All.reserve(Edits.size());
  for (const Edit &E : Edits)
    All.push_back(E.replacement());
  return All;
}

bool Finding::edits(llvm::StringRef Path) const {
  return llvm::any_of(Edits, [&](const Edit &E) { return E.File.ref() == Path; });
}

llvm::Error Finding::addEdit(const Replacement &R) {
  Replacements Same;
  for (const Edit &E : Edits)
    if (E.File.ref() == R.getFilePath())
      llvm::cantFail(Same.add(E.replacement())); // they were added this way
  if (llvm::Error Err = Same.add(R))
    return Err;
  setEdits(R.getFilePath(), Same);
  return llvm::Error::success();
}

void Finding::setEdits(llvm::StringRef Path, const Replacements &Replacements) {
  Interned File(Path);
  auto Group = llvm::find_if(Edits, [&](const Edit &E) { return E.File == File; });
  size_t At = Group - Edits.begin(); // the file keeps its place
  llvm::erase_if(Edits, [&](const Edit &E) { return E.File == File; });
  std::vector<Edit> New;
  for (const Replacement &R : Replacements)
    New.push_back({File, R.getOffset(), R.getLength(),
                   Interned(R.getReplacementText())});
  Edits.insert(Edits.begin() + std::min(At, Edits.size()), New.begin(),
               New.end());
}

clang::tooling::Diagnostic Finding::toDiagnostic() const {
  clang::tooling::Diagnostic D;
  D.DiagnosticName = Rule.str();
  D.DiagLevel = DiagLevel;
  D.Message.Message = Message.str();
  D.Message.FilePath = File.str();
  D.Message.FileOffset = Offset;
  // A map sized for the one file most findings edit, not StringMap's
  // default of 16 buckets.
  if (!Edits.empty())
    D.Message.Fix = llvm::StringMap<Replacements>(1);
  for (const Edit &E : Edits)
    llvm::cantFail(D.Message.Fix[E.File.ref()].add(E.replacement()));
  if (!Note.empty()) {
    clang::tooling::DiagnosticMessage N;
    N.Message = Note.str();
    D.Notes.push_back(std::move(N));
  }
  return D;
}

} // namespace sctpify
