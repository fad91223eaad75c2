#include "output/FixesApplier.h"
#include "engine/Merge.h"
#include "output/Diff.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include "gtest/gtest.h"

using namespace sctpify;
using clang::tooling::Replacement;

namespace {

class TempFile {
public:
  explicit TempFile(llvm::StringRef Contents) {
    int FD;
    EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("sctpify", "c", FD, Path));
    llvm::raw_fd_ostream OS(FD, true);
    OS << Contents;
  }
  ~TempFile() { llvm::sys::fs::remove(Path); }
  std::string contents() const {
    return (*llvm::MemoryBuffer::getFile(Path))->getBuffer().str();
  }
  std::string path() const { return std::string(Path); }

private:
  llvm::SmallString<128> Path;
};

/// A rewrite of Length bytes at Offset, as one TU that parsed Parsed reports
/// it.
TUResult rewriteAt(const std::string &Path, llvm::StringRef Parsed,
                   unsigned Offset, unsigned Length, llvm::StringRef Text,
                   llvm::StringRef Rule = "sctp-test") {
  Finding F;
  F.DiagnosticName = Rule.str();
  F.What = Finding::Kind::Rewrite;
  F.Message.FilePath = Path;
  F.Message.FileOffset = Offset;
  F.Line = 1 + Parsed.take_front(Offset).count('\n');
  F.Message.Message = "a test rewrite";
  llvm::cantFail(
      F.Message.Fix[Path].add(Replacement(Path, Offset, Length, Text)));
  TUResult TU;
  TU.MainFile = Path;
  TU.Findings.push_back(std::move(F));
  TU.ContentHashes[Path] = llvm::xxh3_64bits(Parsed);
  return TU;
}

/// The edits of a run made of TUs, and its conflicts.
MergedRun merge(std::vector<TUResult> TUs) {
  return mergeResults(std::move(TUs), /*Lines=*/nullptr);
}

/// applyInPlace, with its warnings expected to be none.
llvm::Error applyEdits(const EditMap &Edits, unsigned &Changed) {
  std::vector<std::string> Warnings;
  llvm::Error E = applyInPlace(Edits, Changed, Warnings);
  EXPECT_TRUE(Warnings.empty()) << Warnings.front();
  return E;
}

TEST(FixesApplier, AppliesEditsToTheParsedContents) {
  const char *Code = "int fd = socket(AF_INET, SOCK_STREAM, 0);\n";
  TempFile File(Code);
  MergedRun Run = merge({rewriteAt(File.path(), Code, 38, 1, "IPPROTO_SCTP")});
  unsigned Changed = 0;
  ASSERT_FALSE(llvm::errorToBool(applyEdits(Run.Edits, Changed)));
  EXPECT_EQ(Changed, 1u);
  EXPECT_EQ(File.contents(),
            "int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);\n");
}

TEST(FixesApplier, LeavesAFileThatChangedSinceItWasParsed) {
  // Another run (or an editor) rewrote the file after sctpify parsed it: the
  // offsets no longer mean anything, so nothing may be written.
  const char *Parsed = "int fd = socket(AF_INET, SOCK_STREAM, 0);\n";
  const char *Now = "/* edited */ int fd = socket(AF_INET, SOCK_STREAM, 0);\n";
  TempFile File(Now);
  MergedRun Run =
      merge({rewriteAt(File.path(), Parsed, 38, 1, "IPPROTO_SCTP")});
  unsigned Changed = 0;
  llvm::Error E = applyEdits(Run.Edits, Changed);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("changed since it was parsed"),
            std::string::npos);
  EXPECT_EQ(Changed, 0u);
  EXPECT_EQ(File.contents(), Now);
}

TEST(FixesApplier, OverlappingDifferentEditsAreAConflict) {
  // Two rules edit the same bytes differently: neither edit may win.
  const char *Code = "socket(AF_INET, SOCK_STREAM, 0);\n";
  MergedRun Run =
      merge({rewriteAt("/x.c", Code, 29, 1, "IPPROTO_SCTP", "sctp-one"),
             rewriteAt("/x.c", Code, 29, 1, "132", "sctp-two")});
  EXPECT_TRUE(Run.Edits.empty());
  ASSERT_EQ(Run.Conflicts.size(), 1u);
  EXPECT_EQ(Run.Conflicts.front(), "/x.c");
  EXPECT_EQ(Run.ConflictReasons["/x.c"],
            "two edits overlap at offset 29 (two rules, or two translation "
            "units, change the same text); port that text by hand");
}

TEST(FixesApplier, TheSameFindingWithDifferentEditsIsAConflict) {
  // A header compiled two ways by two TUs: one place, two ports.
  const char *Code = "socket(AF_INET, SOCK_STREAM, 0);\n";
  MergedRun Run = merge({rewriteAt("/h.h", Code, 29, 1, "IPPROTO_SCTP"),
                         rewriteAt("/h.h", Code, 29, 1, "132")});
  EXPECT_TRUE(Run.Edits.empty());
  EXPECT_EQ(Run.Conflicts, std::vector<std::string>{"/h.h"});
  EXPECT_EQ(Run.ConflictReasons["/h.h"],
            "its translation units compile it differently and would edit "
            "line 1 differently; port that line by hand");
}

TEST(FixesApplier, IdenticalEditsFromSeveralTUsCollapse) {
  const char *Code = "socket(AF_INET, SOCK_STREAM, 0);\n";
  MergedRun Run = merge({rewriteAt("/h.h", Code, 29, 1, "IPPROTO_SCTP"),
                         rewriteAt("/h.h", Code, 29, 1, "IPPROTO_SCTP")});
  EXPECT_TRUE(Run.Conflicts.empty());
  EXPECT_EQ(Run.Edits["/h.h"].Replacements.size(), 1u);
  EXPECT_EQ(Run.Edits["/h.h"].ContentHash, llvm::xxh3_64bits(Code));
}

TEST(FixesApplier, AConflictingFileIsLeftAloneAndOthersAreWritten) {
  // One file's conflict must not stop the run from porting the rest.
  const char *Code = "int fd = socket(AF_INET, SOCK_STREAM, 0);\n";
  TempFile Good(Code), Bad(Code);
  MergedRun Run =
      merge({rewriteAt(Good.path(), Code, 38, 1, "IPPROTO_SCTP"),
             rewriteAt(Bad.path(), Code, 38, 1, "IPPROTO_SCTP", "sctp-one"),
             rewriteAt(Bad.path(), Code, 38, 1, "132", "sctp-two")});
  unsigned Changed = 0;
  ASSERT_FALSE(llvm::errorToBool(applyEdits(Run.Edits, Changed)));
  EXPECT_EQ(Changed, 1u);
  EXPECT_EQ(Good.contents(),
            "int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);\n");
  EXPECT_EQ(Bad.contents(), Code);
}

TEST(Diff, HunksCountLinesLikeDiffU) {
  std::string Code;
  for (int I = 1; I <= 20; ++I)
    Code += "line" + std::to_string(I) + "\n";
  clang::tooling::Replacements Edits;
  // Insert a line before line 2 and change line 15: two hunks.
  llvm::cantFail(Edits.add(Replacement("f", 6, 0, "new\n")));
  llvm::cantFail(Edits.add(Replacement("f", Code.find("line15"), 6, "LINE15")));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeUnifiedDiff("f", Code, Edits, OS);
  EXPECT_EQ(Out,
            "--- a/f\n+++ b/f\n"
            "@@ -1,4 +1,5 @@\n line1\n+new\n line2\n line3\n line4\n"
            "@@ -12,7 +13,7 @@\n line12\n line13\n line14\n-line15\n+LINE15\n"
            " line16\n line17\n line18\n");
}

TEST(Diff, ABlockOfAdjacentEditsReadsAsApplyingThemAll) {
  // Every line edited, some twice (an insertion and a replacement at one
  // offset, two edits on one line): one block, whose new lines are what
  // applyAllReplacements makes of the old ones.
  std::string Code;
  for (int I = 0; I < 6; ++I)
    Code += "f(" + std::to_string(I) + ");\n";
  clang::tooling::Replacements Edits;
  for (unsigned I = 0; I < 6; ++I) {
    unsigned Line = I * 6; // "f(I);\n" is 6 bytes
    llvm::cantFail(Edits.add(Replacement("f", Line, 1, "g")));
    if (I % 2 == 0)
      llvm::cantFail(Edits.add(Replacement("f", Line + 2, 0, "x+")));
  }
  llvm::cantFail(Edits.add(Replacement("f", 2 * 6 + 2, 1, "22")));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeUnifiedDiff("f", Code, Edits, OS);
  std::string Expected = "--- a/f\n+++ b/f\n@@ -1,6 +1,6 @@\n";
  for (int I = 0; I < 6; ++I)
    Expected += "-f(" + std::to_string(I) + ");\n";
  std::string New =
      llvm::cantFail(clang::tooling::applyAllReplacements(Code, Edits));
  EXPECT_EQ(New, "g(x+0);\ng(1);\ng(x+22);\ng(3);\ng(x+4);\ng(5);\n");
  for (llvm::StringRef Line : llvm::split(llvm::StringRef(New).drop_back(), '\n'))
    Expected += "+" + Line.str() + "\n";
  EXPECT_EQ(Out, Expected);
}

} // namespace
