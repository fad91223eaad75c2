// The one step that turns the results of many TUs into a run: duplicates,
// conflicts, failed TUs, the line filter, one insertion per file, macro
// decisions and the summary.
#include "engine/Merge.h"
#include "gtest/gtest.h"

using namespace sctpify;
using clang::tooling::Replacement;
using llvm::StringRef;

namespace {

Finding finding(StringRef Path, unsigned Offset, StringRef Rule,
                Finding::Kind What = Finding::Kind::Rewrite,
                unsigned Line = 1) {
  Finding F;
  F.DiagnosticName = Rule.str();
  F.What = What;
  F.Message.FilePath = Path.str();
  F.Message.FileOffset = Offset;
  F.Message.Message = "message of " + Rule.str();
  F.Line = Line;
  return F;
}

Finding withFix(Finding F, unsigned Offset, unsigned Length, StringRef Text) {
  std::string Path = F.filePath();
  llvm::cantFail(
      F.Message.Fix[Path].add(Replacement(Path, Offset, Length, Text)));
  return F;
}

TUResult tu(StringRef Main, std::vector<Finding> Findings) {
  TUResult TU;
  TU.MainFile = Main.str();
  TU.Findings = std::move(Findings);
  for (const Finding &F : TU.Findings)
    TU.ContentHashes[F.filePath()] = 42;
  return TU;
}

std::vector<std::string> replacementTexts(const MergedRun &Run,
                                          const std::string &File) {
  std::vector<std::string> Texts;
  auto It = Run.Edits.find(File);
  if (It != Run.Edits.end())
    for (const Replacement &R : It->second.Replacements)
      Texts.push_back(R.getReplacementText().str());
  return Texts;
}

using Texts = std::vector<std::string>;

// --- One finding per place ---

TEST(Merge, AFindingSeenByTwoTUsAppearsOnce) {
  // A header included by two .c files is analysed twice.
  Finding F = withFix(finding("/p/h.h", 10, "sctp-a"), 10, 1, "X");
  MergedRun Run = mergeResults({tu("/p/a.c", {F}), tu("/p/b.c", {F})}, nullptr);
  ASSERT_EQ(Run.Findings.size(), 1u);
  EXPECT_TRUE(Run.Conflicts.empty());
  EXPECT_EQ(replacementTexts(Run, "/p/h.h"), Texts{"X"});
  EXPECT_EQ(Run.Edits["/p/h.h"].ContentHash, 42u);
  EXPECT_EQ(Run.Totals.Rewrites, 1u);
  EXPECT_EQ(Run.Totals.TranslationUnits, 2u);
}

TEST(Merge, TheSameFindingWithDifferentFixesIsAConflict) {
  // A header compiled two ways (different -D) must not be ported either way.
  Finding A = withFix(finding("/p/h.h", 10, "sctp-a"), 10, 1, "X");
  Finding B = withFix(finding("/p/h.h", 10, "sctp-a"), 10, 1, "Y");
  Finding Elsewhere = withFix(finding("/p/a.c", 5, "sctp-a"), 5, 1, "Z");
  MergedRun Run =
      mergeResults({tu("/p/a.c", {A, Elsewhere}), tu("/p/b.c", {B})}, nullptr);
  EXPECT_EQ(Run.Conflicts, Texts{"/p/h.h"});
  EXPECT_EQ(Run.Edits.count("/p/h.h"), 0u);
  EXPECT_EQ(replacementTexts(Run, "/p/a.c"), Texts{"Z"});
  EXPECT_EQ(Run.Findings.size(), 2u);
}

TEST(Merge, OverlappingEditsOfDifferentFindingsAreAConflict) {
  Finding A = withFix(finding("/p/a.c", 10, "sctp-a"), 10, 4, "X");
  Finding B = withFix(finding("/p/a.c", 12, "sctp-b"), 12, 4, "Y");
  MergedRun Run = mergeResults({tu("/p/a.c", {A, B})}, nullptr);
  EXPECT_EQ(Run.Conflicts, Texts{"/p/a.c"});
  EXPECT_TRUE(Run.Edits.empty());
}

TEST(Merge, AFileThatChangedBetweenTwoParsesIsAConflict) {
  Finding F = withFix(finding("/p/h.h", 10, "sctp-a"), 10, 1, "X");
  TUResult First = tu("/p/a.c", {F}), Second = tu("/p/b.c", {F});
  Second.ContentHashes["/p/h.h"] = 43;
  MergedRun Run = mergeResults({First, Second}, nullptr);
  EXPECT_EQ(Run.Conflicts, Texts{"/p/h.h"});
  EXPECT_TRUE(Run.Edits.empty());
}

TEST(Merge, DifferentInsertionPointsForOneFileAreAConflict) {
  Finding F = withFix(finding("/p/h.h", 10, "sctp-a"), 10, 1, "X");
  TUResult First = tu("/p/a.c", {F}), Second = tu("/p/b.c", {F});
  First.Insertions["/p/h.h"].Offset = 0;
  Second.Insertions["/p/h.h"].Offset = 5;
  MergedRun Run = mergeResults({First, Second}, nullptr);
  EXPECT_EQ(Run.Conflicts, Texts{"/p/h.h"});
}

TEST(Merge, FindingsAreSortedByFileAndOffset) {
  MergedRun Run = mergeResults(
      {tu("/p/b.c", {finding("/p/b.c", 30, "sctp-a", Finding::Kind::Flag),
                     finding("/p/b.c", 3, "sctp-a", Finding::Kind::Flag)}),
       tu("/p/a.c", {finding("/p/a.c", 20, "sctp-a", Finding::Kind::Flag)})},
      nullptr);
  ASSERT_EQ(Run.Findings.size(), 3u);
  EXPECT_EQ(Run.Findings[0].filePath(), "/p/a.c");
  EXPECT_EQ(Run.Findings[1].offset(), 3u);
  EXPECT_EQ(Run.Findings[2].offset(), 30u);
}

// --- Failed TUs ---

TEST(Merge, AFailedTUContributesNothingAndIsListed) {
  TUResult Broken =
      tu("/p/broken.c", {withFix(finding("/p/h.h", 1, "sctp-a"), 1, 1, "X")});
  Broken.Failed = true;
  Broken.Insertions["/p/h.h"] = {};
  MergedRun Run = mergeResults(
      {Broken,
       tu("/p/ok.c", {finding("/p/ok.c", 1, "sctp-b", Finding::Kind::Flag)})},
      nullptr);
  EXPECT_EQ(Run.FailedFiles, Texts{"/p/broken.c"});
  ASSERT_EQ(Run.Findings.size(), 1u);
  EXPECT_EQ(Run.Findings[0].ruleId(), "sctp-b");
  EXPECT_TRUE(Run.Edits.empty());
  EXPECT_EQ(Run.Totals.Failed, 1u);
  EXPECT_EQ(Run.Totals.TranslationUnits, 2u);
}

// --- The line filter ---

LineFilter lineFilter(StringRef JSON) {
  llvm::Expected<LineFilter> F = LineFilter::parse(JSON);
  if (!F) {
    ADD_FAILURE() << llvm::toString(F.takeError());
    return llvm::cantFail(LineFilter::parse("[]"));
  }
  return std::move(*F);
}

TEST(Merge, TheLineFilterDropsFindingsAndTheirEdits) {
  LineFilter Lines = lineFilter(R"([{"name":"a.c","lines":[[1,3],[7,7]]},
                                    {"name":"whole.h"}])");
  Finding In = withFix(
      finding("/p/a.c", 10, "sctp-a", Finding::Kind::Rewrite, 2), 10, 1, "IN");
  Finding Out = withFix(
      finding("/p/a.c", 50, "sctp-a", Finding::Kind::Rewrite, 5), 50, 1, "OUT");
  Finding Seven = finding("/p/a.c", 70, "sctp-b", Finding::Kind::Flag, 7);
  Finding Whole =
      finding("/p/whole.h", 900, "sctp-b", Finding::Kind::Flag, 900);
  Finding Unlisted = finding("/p/b.c", 1, "sctp-b", Finding::Kind::Flag, 1);
  MergedRun Run =
      mergeResults({tu("/p/a.c", {In, Out, Seven, Whole, Unlisted})}, &Lines);
  std::vector<std::string> Kept;
  for (const Finding &F : Run.Findings)
    Kept.push_back(F.filePath() + ":" + std::to_string(F.Line));
  EXPECT_EQ(Kept, (Texts{"/p/a.c:2", "/p/a.c:7", "/p/whole.h:900"}));
  EXPECT_EQ(replacementTexts(Run, "/p/a.c"), Texts{"IN"});
  EXPECT_EQ(Run.Totals.Rewrites, 1u);
}

TEST(MergeLineFilter, AnEmptyListFiltersNothingLikeClangTidy) {
  LineFilter Lines = lineFilter("[]");
  EXPECT_TRUE(Lines.allows("/any/file.c", 1));
  EXPECT_TRUE(Lines.allows("/other.h", 12345));
  MergedRun Run = mergeResults(
      {tu("/p/a.c", {finding("/p/a.c", 1, "sctp-a", Finding::Kind::Flag, 9)})},
      &Lines);
  EXPECT_EQ(Run.Findings.size(), 1u);
}

TEST(MergeLineFilter, NamesMatchWholePathComponentsAtTheEnd) {
  LineFilter Lines = lineFilter(
      R"([{"name":"a.c"},{"name":"./src/b.c"},{"name":"/abs/c.c"}])");
  EXPECT_TRUE(Lines.allows("/p/a.c", 1));
  EXPECT_TRUE(Lines.allows("a.c", 1));
  EXPECT_FALSE(Lines.allows("/p/ba.c", 1));
  EXPECT_TRUE(Lines.allows("/p/src/b.c", 1));
  EXPECT_FALSE(Lines.allows("/p/xsrc/b.c", 1));
  EXPECT_TRUE(Lines.allows("/abs/c.c", 1));
  EXPECT_FALSE(Lines.allows("/p/d.c", 1));
}

TEST(MergeLineFilter, RangesAreInclusive) {
  LineFilter Lines = lineFilter(R"([{"name":"a.c","lines":[[3,5]]}])");
  EXPECT_FALSE(Lines.allows("/a.c", 2));
  EXPECT_TRUE(Lines.allows("/a.c", 3));
  EXPECT_TRUE(Lines.allows("/a.c", 5));
  EXPECT_FALSE(Lines.allows("/a.c", 6));
}

TEST(MergeLineFilter, ParseErrors) {
  auto Error = [](StringRef JSON) {
    llvm::Expected<LineFilter> F = LineFilter::parse(JSON);
    return F ? std::string() : llvm::toString(F.takeError());
  };
  EXPECT_NE(Error("{}").find("must be a JSON array"), std::string::npos);
  EXPECT_NE(Error(R"([{"lines":[[1,2]]}])").find("need a \"name\""),
            std::string::npos);
  EXPECT_NE(Error("[1]").find("need a \"name\""), std::string::npos);
  EXPECT_NE(Error(R"([{"name":"a.c","lines":[[1]]}])").find("[first, last]"),
            std::string::npos);
  EXPECT_NE(
      Error(R"([{"name":"a.c","lines":[["1",2]]}])").find("[first, last]"),
      std::string::npos);
  EXPECT_FALSE(Error("[").empty());
}

// --- One insertion of headers and helpers per file ---

/// A rewrite at Offset that needs Headers and Helpers.
Finding needing(unsigned Offset, Texts Headers, Texts Helpers,
                bool Suppressed = false) {
  Finding F =
      withFix(finding("/p/a.c", Offset, "sctp-r" + std::to_string(Offset)),
              Offset, 1, "E" + std::to_string(Offset));
  F.NeedsHeaders = std::move(Headers);
  F.NeedsHelpers = std::move(Helpers);
  F.Suppressed = Suppressed;
  return F;
}

/// The replacement texts of one finding, in order.
Texts fixTexts(const Finding &F) {
  Texts Out;
  for (const Replacement &R : F.fixes())
    Out.push_back(R.getReplacementText().str());
  return Out;
}

TUResult insertionTU(std::vector<Finding> Findings, InsertionPoint Point) {
  TUResult TU = tu("/p/a.c", std::move(Findings));
  TU.Insertions["/p/a.c"] = Point;
  TU.HelperCode["sctpify_one"] = "int sctpify_one(void);\n\n";
  TU.HelperCode["sctpify_two"] = "int sctpify_two(void);";
  return TU;
}

TEST(Merge, OneInsertionPerFileOnItsFirstUnsuppressedRewrite) {
  // A tool applying fixes per diagnostic (clang-apply-replacements) must
  // insert the lines once, and not at all for a suppressed rewrite.
  InsertionPoint Point;
  Point.Offset = 5;
  Finding Suppressed = needing(10, {"<s.h>"}, {"sctpify_two"}, true);
  Finding Flag = finding("/p/a.c", 15, "sctp-flag", Finding::Kind::Flag);
  Flag.NeedsHeaders = {"<flag.h>"}; // a flag edits nothing; it adds nothing
  Finding First = needing(20, {"<b.h>", "<a.h>"}, {"sctpify_one"});
  Finding Second =
      needing(30, {"<a.h>", "<c.h>"}, {"sctpify_two", "sctpify_one"});
  Finding Plain = needing(40, {}, {});
  MergedRun Run = mergeResults(
      {insertionTU({Plain, Second, Suppressed, First, Flag}, Point)}, nullptr);
  ASSERT_EQ(Run.Findings.size(), 5u);
  const std::string Lines = "#include <b.h>\n#include <a.h>\n#include <c.h>\n"
                            "#ifndef SCTPIFY_ONE_DEFINED\n"
                            "#define SCTPIFY_ONE_DEFINED\n"
                            "int sctpify_one(void);\n"
                            "#endif\n"
                            "#ifndef SCTPIFY_TWO_DEFINED\n"
                            "#define SCTPIFY_TWO_DEFINED\n"
                            "int sctpify_two(void);\n"
                            "#endif\n";
  EXPECT_EQ(fixTexts(Run.Findings[0]), Texts{"E10"}); // suppressed
  EXPECT_EQ(fixTexts(Run.Findings[1]), Texts{});      // the flag
  EXPECT_EQ(fixTexts(Run.Findings[2]), (Texts{Lines, "E20"}));
  EXPECT_EQ(fixTexts(Run.Findings[3]), Texts{"E30"});
  EXPECT_EQ(fixTexts(Run.Findings[4]), Texts{"E40"});
  EXPECT_EQ(replacementTexts(Run, "/p/a.c"),
            (Texts{Lines, "E20", "E30", "E40"}));
  EXPECT_EQ(Run.Edits["/p/a.c"].Replacements.begin()->getOffset(), 5u);
}

TEST(Merge, InsertionsUseTheFilesLineEndings) {
  InsertionPoint Point;
  Point.Offset = 100;
  Point.CRLF = true;
  Point.NeedsLeadingNewline = true;
  MergedRun Run = mergeResults(
      {insertionTU({needing(20, {"<a.h>"}, {"sctpify_two"})}, Point)}, nullptr);
  ASSERT_EQ(Run.Findings.size(), 1u);
  EXPECT_EQ(
      fixTexts(Run.Findings[0]),
      (Texts{"E20", "\r\n#include <a.h>\r\n#ifndef SCTPIFY_TWO_DEFINED\r\n"
                    "#define SCTPIFY_TWO_DEFINED\r\nint sctpify_two(void);\r\n"
                    "#endif\r\n"}));
}

TEST(Merge, NoInsertionWithoutAPointOrWithoutNeeds) {
  MergedRun NoPoint =
      mergeResults({tu("/p/a.c", {needing(20, {"<a.h>"}, {})})}, nullptr);
  EXPECT_EQ(fixTexts(NoPoint.Findings[0]), Texts{"E20"});
  MergedRun NoNeeds =
      mergeResults({insertionTU({needing(20, {}, {})}, {})}, nullptr);
  EXPECT_EQ(fixTexts(NoNeeds.Findings[0]), Texts{"E20"});
}

TEST(Merge, TheInsertionListsOnlyWhatRemainingFindingsNeed) {
  // A rewrite the line filter drops adds no header to the file.
  LineFilter Lines = lineFilter(R"([{"name":"a.c","lines":[[2,2]]}])");
  Finding Dropped = needing(10, {"<dropped.h>"}, {});
  Dropped.Line = 1;
  Finding Kept = needing(20, {"<kept.h>"}, {});
  Kept.Line = 2;
  MergedRun Run = mergeResults({insertionTU({Dropped, Kept}, {})}, &Lines);
  ASSERT_EQ(Run.Findings.size(), 1u);
  EXPECT_EQ(fixTexts(Run.Findings[0]), (Texts{"#include <kept.h>\n", "E20"}));
}

// --- Macro decisions over every TU ---

MacroUse macroUse(unsigned UseOffset, bool Applies, bool Qualifies) {
  MacroUse U;
  U.Key = "sctp-m@/p/m.h:0";
  U.Applies = Applies;
  U.Qualifies = Qualifies;
  if (Qualifies)
    U.DefinitionRewrite =
        withFix(finding("/p/m.h", 40, "sctp-m"), 40, 1, "DEFINITION");
  if (Applies)
    U.Review = finding("/p/a.c", UseOffset, "sctp-m", Finding::Kind::Review);
  return U;
}

TEST(Merge, AMacroWhoseEveryExpansionQualifiesIsRewrittenOnce) {
  TUResult A = tu("/p/a.c", {}), B = tu("/p/b.c", {});
  A.MacroUses = {macroUse(10, true, true), macroUse(20, true, true)};
  B.MacroUses = {macroUse(30, true, true)};
  A.ContentHashes["/p/m.h"] = 42;
  MergedRun Run = mergeResults({A, B}, nullptr);
  ASSERT_EQ(Run.Findings.size(), 1u);
  EXPECT_EQ(Run.Findings[0].filePath(), "/p/m.h");
  EXPECT_EQ(Run.Findings[0].What, Finding::Kind::Rewrite);
  EXPECT_EQ(replacementTexts(Run, "/p/m.h"), Texts{"DEFINITION"});
  EXPECT_EQ(Run.Totals.Reviews, 0u);
}

TEST(Merge, AMacroWithOneExpansionThatDoesNotQualifyIsReviewedWhereItApplies) {
  // One expansion in another TU is enough to keep the definition as it is.
  TUResult A = tu("/p/a.c", {}), B = tu("/p/b.c", {});
  A.MacroUses = {macroUse(10, true, true), macroUse(20, false, false)};
  B.MacroUses = {macroUse(30, true, false)};
  MergedRun Run = mergeResults({A, B}, nullptr);
  std::vector<unsigned> Reviews;
  for (const Finding &F : Run.Findings) {
    EXPECT_EQ(F.What, Finding::Kind::Review);
    Reviews.push_back(F.offset());
  }
  EXPECT_EQ(Reviews, (std::vector<unsigned>{10, 30}));
  EXPECT_TRUE(Run.Edits.empty());
  EXPECT_EQ(Run.Totals.Reviews, 2u);
}

TEST(Merge, DifferentMacrosAreDecidedApart) {
  TUResult A = tu("/p/a.c", {});
  MacroUse Good = macroUse(10, true, true);
  MacroUse Bad = macroUse(20, true, false);
  Bad.Key = "sctp-m@/p/other.h:0";
  A.MacroUses = {Good, Bad};
  MergedRun Run = mergeResults({A}, nullptr);
  ASSERT_EQ(Run.Findings.size(), 2u);
  EXPECT_EQ(Run.Findings[0].filePath(), "/p/a.c"); // Bad's review
  EXPECT_EQ(Run.Findings[1].filePath(), "/p/m.h"); // Good's rewrite
}

// --- The summary ---

TEST(Merge, TheSummaryCountsUnsuppressedFindingsByKindAndRule) {
  Finding Suppressed = finding("/p/a.c", 1, "sctp-a", Finding::Kind::Flag);
  Suppressed.Suppressed = true;
  TUResult Broken = tu("/p/broken.c", {});
  Broken.Failed = true;
  MergedRun Run = mergeResults(
      {tu("/p/a.c",
          {withFix(finding("/p/a.c", 10, "sctp-a"), 10, 1, "X"),
           withFix(finding("/p/a.c", 20, "sctp-b"), 20, 1, "Y"),
           finding("/p/a.c", 30, "sctp-b", Finding::Kind::Review),
           finding("/p/a.c", 40, "sctp-c", Finding::Kind::Flag),
           finding("/p/a.c", 50, "sctp-c", Finding::Kind::Flag), Suppressed}),
       Broken},
      nullptr);
  const Summary &S = Run.Totals;
  EXPECT_EQ(S.TranslationUnits, 2u);
  EXPECT_EQ(S.Failed, 1u);
  EXPECT_EQ(S.Rewrites, 2u);
  EXPECT_EQ(S.Reviews, 1u);
  EXPECT_EQ(S.Flags, 2u);
  EXPECT_EQ(S.Suppressed, 1u);
  EXPECT_EQ(S.ByRule, (std::map<std::string, unsigned>{
                          {"sctp-a", 1}, {"sctp-b", 2}, {"sctp-c", 2}}));
}

TEST(Merge, SuppressedFindingsEditNothing) {
  Finding F = withFix(finding("/p/a.c", 10, "sctp-a"), 10, 1, "X");
  F.Suppressed = true;
  MergedRun Run = mergeResults({tu("/p/a.c", {F})}, nullptr);
  EXPECT_EQ(Run.Findings.size(), 1u);
  EXPECT_TRUE(Run.Edits.empty());
}

} // namespace
