// The compact finding: interned texts, and edits that behave exactly as the
// tooling::Replacements they replace, so that reports, diffs and exported
// fixes stay what they were when a finding was a tooling::Diagnostic.
#include "engine/Finding.h"
#include "gtest/gtest.h"

using namespace sctpify;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace {

std::vector<std::string> texts(const Finding &F) {
  std::vector<std::string> Out;
  for (const Edit &E : F.Edits)
    Out.push_back(E.File.str() + ":" + std::to_string(E.Offset) + "+" +
                  std::to_string(E.Length) + "=" + E.Text.str());
  return Out;
}

using Texts = std::vector<std::string>;

TEST(Interned, TheSameTextIsTheSameHandle) {
  std::string Built = std::string("/p/") + "a.c";
  EXPECT_EQ(Interned("/p/a.c"), Interned(Built));
  EXPECT_EQ(Interned("/p/a.c").id(), Interned(Built).id());
  EXPECT_NE(Interned("/p/a.c"), Interned("/p/b.c"));
  EXPECT_EQ(Interned("/p/a.c").ref(), "/p/a.c");
  // Every empty text is the default handle.
  EXPECT_EQ(Interned(""), Interned());
  EXPECT_TRUE(Interned("").empty());
  EXPECT_EQ(Interned().ref(), "");
}

TEST(FindingEdits, OverlappingEditsAreRefusedAndLeaveTheFindingAsItWas) {
  Finding F;
  llvm::cantFail(F.addEdit(Replacement("/p/a.c", 10, 4, "AAAA")));
  llvm::Error Err = F.addEdit(Replacement("/p/a.c", 12, 4, "BBBB"));
  EXPECT_TRUE(bool(Err));
  llvm::consumeError(std::move(Err));
  EXPECT_EQ(texts(F), Texts{"/p/a.c:10+4=AAAA"});
}

TEST(FindingEdits, InsertionsAtOnePlaceAreJoinedAsReplacementsJoinsThem) {
  Finding F;
  llvm::cantFail(F.addEdit(Replacement("/p/a.c", 5, 0, "x")));
  llvm::cantFail(F.addEdit(Replacement("/p/a.c", 5, 0, "x")));
  llvm::cantFail(F.addEdit(Replacement("/p/a.c", 5, 2, "yy")));
  Replacements Clang;
  for (const Replacement &R : {Replacement("/p/a.c", 5, 0, "x"),
                               Replacement("/p/a.c", 5, 0, "x"),
                               Replacement("/p/a.c", 5, 2, "yy")})
    llvm::cantFail(Clang.add(R));
  std::vector<Replacement> Expected(Clang.begin(), Clang.end());
  EXPECT_EQ(F.fixes(), Expected);
  EXPECT_EQ(texts(F), (Texts{"/p/a.c:5+0=xx", "/p/a.c:5+2=yy"}));
}

TEST(FindingEdits, EachFileKeepsItsPlaceAndItsEditsStaySorted) {
  Finding F;
  llvm::cantFail(F.addEdit(Replacement("/p/b.h", 30, 1, "B")));
  llvm::cantFail(F.addEdit(Replacement("/p/a.c", 20, 1, "A2")));
  llvm::cantFail(F.addEdit(Replacement("/p/a.c", 10, 1, "A1")));
  EXPECT_EQ(texts(F), (Texts{"/p/b.h:30+1=B", "/p/a.c:10+1=A1",
                             "/p/a.c:20+1=A2"}));
  EXPECT_TRUE(F.edits("/p/a.c"));
  // What --format-style does: a file's edits replaced, in their place.
  Replacements Formatted(Replacement("/p/b.h", 29, 3, "  B"));
  F.setEdits("/p/b.h", Formatted);
  EXPECT_EQ(texts(F), (Texts{"/p/b.h:29+3=  B", "/p/a.c:10+1=A1",
                             "/p/a.c:20+1=A2"}));
  F.setEdits("/p/a.c", {});
  EXPECT_FALSE(F.edits("/p/a.c"));
  EXPECT_EQ(texts(F), Texts{"/p/b.h:29+3=  B"});
}

TEST(FindingEdits, TheDiagnosticHoldsWhatTheFindingSays) {
  Finding F;
  F.Rule = Interned("sctp-test");
  F.File = Interned("/p/a.c");
  F.Offset = 7;
  F.Message = Interned("use SCTP");
  F.Note = Interned("ported form: x");
  F.DiagLevel = clang::tooling::Diagnostic::Error;
  llvm::cantFail(F.addEdit(Replacement("/p/a.c", 7, 1, "X")));
  llvm::cantFail(F.addEdit(Replacement("/p/b.h", 3, 0, "#include <y>\n")));
  clang::tooling::Diagnostic D = F.toDiagnostic();
  EXPECT_EQ(D.DiagnosticName, "sctp-test");
  EXPECT_EQ(D.DiagLevel, clang::tooling::Diagnostic::Error);
  EXPECT_EQ(D.Message.Message, "use SCTP");
  EXPECT_EQ(D.Message.FilePath, "/p/a.c");
  EXPECT_EQ(D.Message.FileOffset, 7u);
  ASSERT_EQ(D.Notes.size(), 1u);
  EXPECT_EQ(D.Notes[0].Message, "ported form: x");
  ASSERT_EQ(D.Message.Fix.size(), 2u);
  EXPECT_EQ(D.Message.Fix["/p/a.c"].size(), 1u);
  EXPECT_EQ(D.Message.Fix["/p/b.h"].begin()->getReplacementText(),
            "#include <y>\n");
  // No note, no fixes: none in the diagnostic either.
  Finding Flag;
  Flag.Rule = Interned("sctp-flag");
  clang::tooling::Diagnostic Plain = Flag.toDiagnostic();
  EXPECT_TRUE(Plain.Notes.empty());
  EXPECT_TRUE(Plain.Message.Fix.empty());
  EXPECT_EQ(Plain.DiagLevel, clang::tooling::Diagnostic::Warning);
}

} // namespace
