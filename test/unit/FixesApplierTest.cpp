#include "output/Diff.h"
#include "output/FixesApplier.h"
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

Finding rewriteAt(const std::string &Path, llvm::StringRef Parsed,
                  unsigned Offset, unsigned Length, llvm::StringRef Text) {
  Finding F;
  F.RuleId = "sctp-test";
  F.FilePath = Path;
  F.Fixes.emplace_back(Path, Offset, Length, Text);
  F.ContentHash = llvm::xxh3_64bits(Parsed);
  return F;
}

TEST(FixesApplier, AppliesEditsToTheParsedContents) {
  const char *Code = "int fd = socket(AF_INET, SOCK_STREAM, 0);\n";
  TempFile File(Code);
  std::vector<std::string> Conflicts;
  EditMap Edits = collectEdits({rewriteAt(File.path(), Code, 38, 1, "IPPROTO_SCTP")},
                               Conflicts);
  unsigned Changed = 0;
  ASSERT_FALSE(llvm::errorToBool(applyInPlace(Edits, Changed)));
  EXPECT_EQ(Changed, 1u);
  EXPECT_EQ(File.contents(), "int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);\n");
}

TEST(FixesApplier, LeavesAFileThatChangedSinceItWasParsed) {
  // Another run (or an editor) rewrote the file after sctpify parsed it: the
  // offsets no longer mean anything, so nothing may be written.
  const char *Parsed = "int fd = socket(AF_INET, SOCK_STREAM, 0);\n";
  const char *Now = "/* edited */ int fd = socket(AF_INET, SOCK_STREAM, 0);\n";
  TempFile File(Now);
  std::vector<std::string> Conflicts;
  EditMap Edits = collectEdits({rewriteAt(File.path(), Parsed, 38, 1, "IPPROTO_SCTP")},
                               Conflicts);
  unsigned Changed = 0;
  llvm::Error E = applyInPlace(Edits, Changed);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("changed since it was parsed"),
            std::string::npos);
  EXPECT_EQ(Changed, 0u);
  EXPECT_EQ(File.contents(), Now);
}

TEST(FixesApplier, OverlappingDifferentEditsAreAConflict) {
  const char *Code = "socket(AF_INET, SOCK_STREAM, 0);\n";
  std::vector<std::string> Conflicts;
  EditMap Edits = collectEdits({rewriteAt("/x.c", Code, 29, 1, "IPPROTO_SCTP"),
                                rewriteAt("/x.c", Code, 29, 1, "132")},
                               Conflicts);
  EXPECT_TRUE(Edits.empty());
  ASSERT_EQ(Conflicts.size(), 1u);
  EXPECT_EQ(Conflicts.front(), "/x.c");
}

TEST(FixesApplier, IdenticalEditsFromSeveralTUsCollapse) {
  const char *Code = "socket(AF_INET, SOCK_STREAM, 0);\n";
  std::vector<std::string> Conflicts;
  EditMap Edits = collectEdits({rewriteAt("/h.h", Code, 29, 1, "IPPROTO_SCTP"),
                                rewriteAt("/h.h", Code, 29, 1, "IPPROTO_SCTP")},
                               Conflicts);
  EXPECT_TRUE(Conflicts.empty());
  EXPECT_EQ(Edits["/h.h"].Replacements.size(), 1u);
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
  EXPECT_EQ(Out, "--- f\n+++ f\n"
                 "@@ -1,4 +1,5 @@\n line1\n+new\n line2\n line3\n line4\n"
                 "@@ -12,7 +13,7 @@\n line12\n line13\n line14\n-line15\n+LINE15\n"
                 " line16\n line17\n line18\n");
}

} // namespace
