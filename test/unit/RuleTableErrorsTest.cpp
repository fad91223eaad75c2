// Every error the rule loader reports (RuleTable::resolve, RuleFile.cpp),
// each naming the file and the rule it is about.
#include "TestSupport.h"
#include <cstdlib>

using namespace sctpify;
using namespace sctpify::test;
using llvm::StringRef;

namespace {

TEST(RuleTableErrors, UnknownTemplate) {
  expectRuleError(loadError(oneRule("sctp-x", "    template: nope\n")),
                  "sctp-x", "unknown template 'nope'");
}

TEST(RuleTableErrors, MissingFields) {
  std::string E = loadError(RuleConstants + "rules:\n  - id: sctp-bare\n");
  for (StringRef What :
       {"missing `summary`", "missing `message`", "missing `suggestion`",
        "missing `reference`", "a rule needs `kind`, `match` and `example`"})
    expectRuleError(E, "sctp-bare", What);
  E = loadError(oneRule("sctp-no-kind", "    match: f($a)\n"));
  expectRuleError(E, "sctp-no-kind",
                  "a rule needs `kind`, `match` and `example`");
}

TEST(RuleTableErrors, IdPrefix) {
  expectRuleError(
      loadError(oneRule("tcp-thing", "    kind: flag\n    match: f($a)\n")),
      "tcp-thing", "ids start with 'sctp-'");
}

TEST(RuleTableErrors, BadPatternWhereAndTemplates) {
  expectRuleError(
      loadError(oneRule("sctp-x", "    kind: flag\n    match: f($a, $a)\n")),
      "sctp-x", "$a is bound twice");
  expectRuleError(
      loadError(oneRule(
          "sctp-x", "    kind: flag\n    match: f($a)\n    where: $a ==\n")),
      "sctp-x", "the condition ends too early");
  expectRuleError(
      loadError(
          oneRule("sctp-x",
                  "    kind: rewrite\n    match: f($a)\n    replace: g($)\n")),
      "sctp-x", "'$' must start a metavariable name");
}

TEST(RuleTableErrors, MixedPatternSorts) {
  expectRuleError(
      loadError(oneRule(
          "sctp-x", "    kind: flag\n    match: [f($a), struct tcp_info]\n")),
      "sctp-x", "`match` alternatives must all be calls, types or comparisons");
}

TEST(RuleTableErrors, ConstantArguments) {
  auto Rule = [](StringRef List) {
    return oneRule("sctp-x", "    kind: flag\n"
                             "    match: ioctl($fd, $request, $arg)\n"
                             "    constant-arguments: " + List.str() + "\n");
  };
  expectRuleError(loadError(Rule("[request]")), "sctp-x",
                  "`constant-arguments` names metavariables, e.g. `$request`");
  expectRuleError(loadError(Rule("[$flags]")), "sctp-x",
                  "$flags in `constant-arguments` is not bound by "
                  "`ioctl($fd, $request, $arg)`");
}

TEST(RuleTableErrors, UnboundMetavariables) {
  // Each pattern must bind every name: `recv` below has no $flags.
  std::string E = loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: ["send($fd, $flags)", recv($fd)]
    where: $flags & MSG_OOB
    descriptor: $sock
    replace: send2($fd, $flags)
    at-run-time: sctpify_h($fd, $mode)
)yaml"));
  expectRuleError(E, "sctp-x", "$flags in `where` is not bound by `recv($fd)`");
  expectRuleError(E, "sctp-x",
                  "$sock in `descriptor` is not bound by `send($fd, $flags)`");
  expectRuleError(E, "sctp-x",
                  "$flags in `send2($fd, $flags)` is not bound by `recv($fd)`");
  expectRuleError(
      E, "sctp-x",
      "$mode in `sctpify_h($fd, $mode)` is not bound by `send($fd, $flags)`");
  EXPECT_EQ(E.find("$flags in `where` is not bound by `send"),
            std::string::npos);
}

TEST(RuleTableErrors, DescriptorMustBeAMetavariable) {
  expectRuleError(
      loadError(oneRule(
          "sctp-x", "    kind: flag\n    match: f($fd)\n    descriptor: fd\n")),
      "sctp-x", "`descriptor` names a metavariable, e.g. `$fd`");
}

TEST(RuleTableErrors, ReplaceCountMismatch) {
  expectRuleError(loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: [f($a), g($a)]
    replace: [f1($a), f2($a), f3($a)]
)yaml")),
                  "sctp-x",
                  "`replace` has one entry, or one per `match` entry");
  expectRuleError(loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: [f($a), g($a)]
    replace: f1($a)
    at-run-time: [h1($a), h2($a), h3($a)]
)yaml")),
                  "sctp-x",
                  "`at-run-time` has one entry, or one per `match` entry");
}

TEST(RuleTableErrors, FewerReplacementsThanPatterns) {
  // Three patterns, two replacements: an error, found before anything reads
  // a replacement for the third pattern.
  expectRuleError(loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: [f($a), g($a), h($a)]
    replace: [f1($a), g1($a)]
)yaml")),
                  "sctp-x",
                  "`replace` has one entry, or one per `match` entry");
}

TEST(RuleTableErrors, RewriteWithoutReplace) {
  expectRuleError(
      loadError(oneRule("sctp-x", "    kind: rewrite\n    match: f($a)\n")),
      "sctp-x", "a `rewrite` rule needs `replace`");
}

TEST(RuleTableErrors, FlagWithReplaceOrAtRunTime) {
  expectRuleError(
      loadError(oneRule(
          "sctp-x", "    kind: flag\n    match: f($a)\n    replace: g($a)\n")),
      "sctp-x", "a `flag` rule cannot have `replace` or `at-run-time`");
  expectRuleError(
      loadError(oneRule(
          "sctp-x",
          "    kind: flag\n    match: f($a)\n    at-run-time: g($a)\n")),
      "sctp-x", "a `flag` rule cannot have `replace` or `at-run-time`");
}

TEST(RuleTableErrors, DescriptorOrYieldsOnANonCallPattern) {
  const char *Only =
      "only call patterns can be replaced, yield or take a descriptor";
  expectRuleError(
      loadError(oneRule("sctp-x", "    kind: flag\n    match: struct "
                                  "tcp_info\n    yields-descriptor: true\n")),
      "sctp-x", Only);
  expectRuleError(
      loadError(oneRule("sctp-x", "    kind: flag\n    match: $ai->ai_protocol "
                                  "== IPPROTO_TCP\n    descriptor: $ai\n")),
      "sctp-x", Only);
  expectRuleError(
      loadError(oneRule("sctp-x", "    kind: rewrite\n    match: "
                                  "$ai->ai_protocol == 6\n    replace: x\n")),
      "sctp-x", Only);
}

TEST(RuleTableErrors, WhereOnATypePattern) {
  expectRuleError(
      loadError(oneRule(
          "sctp-x",
          "    kind: flag\n    match: struct tcp_info\n    where: 1\n")),
      "sctp-x", "a type pattern has no metavariables for `where`");
}

TEST(RuleTableErrors, AtRunTimeNamingAnArgumentTwice) {
  expectRuleError(loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: f($a, $b)
    replace: f($a, 1)
    at-run-time: g($a, $b, $a)
)yaml")),
                  "sctp-x",
                  "$a appears twice in `g($a, $b, $a)`: an at-run-time form "
                  "evaluates each argument once");
}

TEST(RuleTableErrors, AtRunTimeWithAPrefixOfAnotherNameIsNotTwice) {
  // `$fd` and `$fd2` are two arguments, each written once; a string holding
  // "$fd" is text. Neither is a second evaluation.
  std::string E = loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: f($fd, $fd2)
    replace: f($fd, 1)
    at-run-time: g($fd, $fd2, "$fd")
)yaml"));
  EXPECT_EQ(E.find("appears twice"), std::string::npos) << E;
  EXPECT_EQ(E, "");
}

TEST(RuleTableErrors, UnknownHelperNamedInATemplate) {
  expectRuleError(loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: f($a)
    replace: f($a, 1)
    at-run-time: sctpify_missing($a)
)yaml")),
                  "sctp-x", "`sctpify_missing` is not in any `helpers:`");
}

TEST(RuleTableErrors, UnknownConstant) {
  expectRuleError(
      loadError(oneRule("sctp-x", "    kind: flag\n    match: f($a, NOPE)\n")),
      "sctp-x", "unknown constant 'NOPE'");
  expectRuleError(
      loadError(oneRule(
          "sctp-x",
          "    kind: flag\n    match: f($a)\n    where: $a == ALSO_NOPE\n")),
      "sctp-x", "unknown constant 'ALSO_NOPE'");
}

TEST(RuleTableErrors, AllProblemsOfAllRulesAreReportedAtOnce) {
  std::string E = loadError(
      oneRule("sctp-one", "    kind: flag\n    match: f($a, NOPE)\n") +
      "  - id: sctp-two\n    kind: rewrite\n    match: f($a)\n" + RuleWords);
  expectRuleError(E, "sctp-one", "unknown constant 'NOPE'");
  expectRuleError(E, "sctp-two", "a `rewrite` rule needs `replace`");
}

TEST(RuleTableErrors, HelperCallingAnUnknownHelper) {
  std::string E = loadError(RuleConstants + R"yaml(helpers:
  sctpify_a: {code: "int sctpify_a(void) { return sctpify_b(); }"}
)yaml");
  EXPECT_NE(E.find("helper 'sctpify_a' calls unknown helper 'sctpify_b'"),
            std::string::npos)
      << E;
  EXPECT_NE(E.find("test.yaml"), std::string::npos) << E;
}

TEST(RuleTableErrors, UnknownYAMLKey) {
  std::string E = loadError(
      oneRule("sctp-x", "    kind: flag\n    match: f($a)\n    wher: $a\n"));
  EXPECT_NE(E.find("in rule file 'test.yaml'"), std::string::npos) << E;
  EXPECT_NE(E.find("unknown key 'wher'"), std::string::npos) << E;
  // The YAML diagnostic points at its line, after constants, rules, id,
  // kind and match.
  EXPECT_NE(E.find(":6:"), std::string::npos) << E;
}

TEST(RuleTableErrors, BadEnumerationValue) {
  std::string E =
      loadError(oneRule("sctp-x", "    kind: rewrit\n    match: f($a)\n"));
  EXPECT_NE(E.find("in rule file 'test.yaml'"), std::string::npos) << E;
  EXPECT_NE(E.find("rewrit"), std::string::npos) << E;
}

TEST(RuleTableErrors, ASecondYAMLDocument) {
  std::string E =
      loadError(oneRule("sctp-x", "    kind: flag\n    match: f($a)\n") +
                "---\nconstants: {X: 1}\n");
  EXPECT_NE(E.find("in rule file 'test.yaml': only one YAML document is read"),
            std::string::npos)
      << E;
}

// Found by test/fuzz: yaml::Input::nextDocument() past an empty stream
// dereferenced the end iterator.
TEST(RuleTableErrors, EmptyAndCommentOnlyFilesLoadAsNothing) {
  EXPECT_EQ(loadError(""), "");
  EXPECT_EQ(loadError("# nothing here\n"), "");
  EXPECT_EQ(loadError("---\n...\n"), "");
}

TEST(RuleTableErrors, ASecondDocumentThatDoesNotParseStillCounts) {
  std::string E = loadError("constants: {X: 1}\n---\n[\n");
  EXPECT_NE(E.find("only one YAML document is read"), std::string::npos) << E;
}

TEST(RuleTableErrors, ReplacementCallsTheSameFunctionWithOtherArity) {
  expectRuleError(loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: listen($fd, $n)
    replace: listen($fd)
)yaml")),
                  "sctp-x",
                  "`listen($fd)` calls listen with 1 argument, but "
                  "`listen($fd, $n)` matches it with 2 arguments");
  // Another function may take what it needs; `...` matches any count.
  EXPECT_EQ(loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: listen($fd, $n)
    replace: sctp_listen($fd)
)yaml")),
            "");
  EXPECT_EQ(loadError(oneRule("sctp-x", R"yaml(    kind: rewrite
    match: ioctl($fd, $request, ...)
    replace: ioctl($fd, $request, 0)
)yaml")),
            "");
}

TEST(RuleTableErrors, AnUnreadableFile) {
  RuleTable T;
  llvm::Error E = T.addFile("/nonexistent/sctpify/rules.yaml");
  ASSERT_TRUE(bool(E));
  EXPECT_NE(
      llvm::toString(std::move(E))
          .find("cannot read rule file '/nonexistent/sctpify/rules.yaml'"),
      std::string::npos);
}

} // namespace
