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
