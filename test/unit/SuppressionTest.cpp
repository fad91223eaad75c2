#include "engine/Suppression.h"
#include "gtest/gtest.h"

using sctpify::isSuppressed;

TEST(Suppression, BareMarkerSilencesEveryRuleOnItsLine) {
  llvm::StringRef Code = "a();\nb(); // NOSCTPIFY\nc();\n";
  EXPECT_TRUE(isSuppressed(Code, Code.find("b()"), "sctp-anything"));
  EXPECT_FALSE(isSuppressed(Code, Code.find("c()"), "sctp-anything"));
  EXPECT_FALSE(isSuppressed(Code, Code.find("a()"), "sctp-anything"));
}

TEST(Suppression, ListedRulesAndGlobs) {
  llvm::StringRef Code = "x(); // NOSCTPIFY(sctp-oob-*, sctp-option-cork)\n";
  EXPECT_TRUE(isSuppressed(Code, 0, "sctp-oob-data"));
  EXPECT_TRUE(isSuppressed(Code, 0, "sctp-option-cork"));
  EXPECT_FALSE(isSuppressed(Code, 0, "sctp-socket-protocol"));
}

TEST(Suppression, NextLineMarkerOnlyCoversTheNextLine) {
  llvm::StringRef Code = "// NOSCTPIFYNEXTLINE\nx();\ny();\n";
  EXPECT_TRUE(isSuppressed(Code, Code.find("x()"), "sctp-socket-protocol"));
  EXPECT_FALSE(isSuppressed(Code, Code.find("y()"), "sctp-socket-protocol"));
  // NOSCTPIFYNEXTLINE is not a same-line NOSCTPIFY.
  EXPECT_FALSE(isSuppressed(Code, 0, "sctp-socket-protocol"));
}

TEST(Suppression, BlocksNestAndCloseTheLatestBeginWithTheSameList) {
  llvm::StringRef Code = "// NOSCTPIFYBEGIN(sctp-oob-*)\n"
                         "a();\n"
                         "// NOSCTPIFYBEGIN\n"
                         "b();\n"
                         "// NOSCTPIFYEND\n"
                         "c();\n"
                         "// NOSCTPIFYEND(sctp-oob-*)\n"
                         "d();\n";
  sctpify::SuppressionBlocks Blocks(Code);
  EXPECT_TRUE(Blocks.unmatched().empty());
  EXPECT_TRUE(isSuppressed(Code, Code.find("a()"), "sctp-oob-send", &Blocks));
  EXPECT_FALSE(isSuppressed(Code, Code.find("a()"), "sctp-socket-protocol", &Blocks));
  EXPECT_TRUE(isSuppressed(Code, Code.find("b()"), "sctp-socket-protocol", &Blocks));
  EXPECT_FALSE(isSuppressed(Code, Code.find("c()"), "sctp-socket-protocol", &Blocks));
  EXPECT_TRUE(isSuppressed(Code, Code.find("c()"), "sctp-oob-recv", &Blocks));
  EXPECT_FALSE(isSuppressed(Code, Code.find("d()"), "sctp-oob-send", &Blocks));
}

TEST(Suppression, UnmatchedMarkersSilenceNothingAndAreReported) {
  llvm::StringRef Code = "// NOSCTPIFYBEGIN(sctp-oob-*)\n"
                         "a();\n"
                         "// NOSCTPIFYEND(sctp-socket-*)\n"
                         "// NOSCTPIFYBEGINNING is no marker\n";
  sctpify::SuppressionBlocks Blocks(Code);
  EXPECT_FALSE(isSuppressed(Code, Code.find("a()"), "sctp-oob-send", &Blocks));
  ASSERT_EQ(Blocks.unmatched().size(), 2u);
  EXPECT_EQ(Blocks.unmatched()[0].Offset, Code.find("NOSCTPIFYEND"));
  EXPECT_NE(Blocks.unmatched()[0].Message.find("without a previous"), std::string::npos);
  EXPECT_EQ(Blocks.unmatched()[1].Offset, 3u);
  EXPECT_NE(Blocks.unmatched()[1].Message.find("without a subsequent"), std::string::npos);
}
