// Loading rules/*.yaml: every field, templates, one-or-many lists, and the
// sections besides rules.
#include "TestSupport.h"

using namespace sctpify;
using llvm::StringRef;
using namespace sctpify::test;

namespace {

TEST(RuleTable, AGoodRuleLoadsWithEveryField) {
  RuleTable T = tableFrom(oneRule("sctp-good", R"yaml(    kind: rewrite
    match: socket($domain, $type, $protocol)
    where:
      - $domain == AF_INET
      - $protocol == 0 || $protocol == IPPROTO_TCP
    replace: socket($domain, $type, IPPROTO_SCTP)
    at-run-time: sctpify_socket($domain, $type, $protocol)
    yields-descriptor: true
    headers: "<netinet/in.h>"
    demonstration: d
)yaml",
                                  true, R"yaml(helpers:
  sctpify_socket: {code: "int sctpify_socket(int, int, int);"}
)yaml"));
  const Rule *R = T.find("sctp-good");
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->Kind, RuleKind::Rewrite);
  EXPECT_EQ(R->Origin, "test.yaml");
  EXPECT_TRUE(R->matchesCalls());
  ASSERT_EQ(R->Patterns.size(), 1u);
  EXPECT_EQ(R->Patterns[0].Call->Callee, "socket");
  ASSERT_EQ(R->Where.size(), 2u);
  EXPECT_EQ(R->Where[1].text(), "$protocol == 0 || $protocol == IPPROTO_TCP");
  ASSERT_EQ(R->Replace.size(), 1u);
  EXPECT_EQ(R->replacementFor(0)->text(),
            "socket($domain, $type, IPPROTO_SCTP)");
  EXPECT_EQ(R->runTimeFormFor(0)->text(),
            "sctpify_socket($domain, $type, $protocol)");
  EXPECT_TRUE(R->YieldsDescriptor);
  EXPECT_EQ(R->Headers, std::vector<std::string>{"<netinet/in.h>"});
  EXPECT_EQ(R->Summary, "s");
  EXPECT_EQ(R->Message, "m");
  EXPECT_EQ(R->Suggestion, "g");
  EXPECT_EQ(R->Reference, "r");
  EXPECT_EQ(R->Demonstration, "d");
  EXPECT_EQ(R->Ex.Before, "b");
  EXPECT_EQ(R->Ex.After, "a");
  EXPECT_EQ(R->Ex.Language, "c");
  EXPECT_EQ(T.constants().lookup("IPPROTO_SCTP"), 132);
  // Constants are resolved: the where clause compares values.
  auto Lookup = [](StringRef Name) {
    return Name == "domain" ? Value{int64_t(2)} : Value{int64_t(6)};
  };
  EXPECT_EQ(R->Where[0].evaluate(Lookup), Truth::True);
  EXPECT_EQ(R->Where[1].evaluate(Lookup), Truth::True);
}

TEST(RuleTable, ListsMayBeWrittenAsOneScalarOrMany) {
  RuleTable T = tableFrom(oneRule("sctp-lists", R"yaml(    kind: flag
    match: ["send($fd, $buf, $len, $flags)", "recv($fd, $buf, $len, $flags)"]
    where: $flags & MSG_OOB
    descriptor: $fd
)yaml"));
  const Rule *R = T.find("sctp-lists");
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->Patterns.size(), 2u);
  EXPECT_EQ(R->Where.size(), 1u);
  EXPECT_EQ(R->Descriptor, "fd"); // without the `$`
  EXPECT_EQ(R->replacementFor(0), nullptr);
  EXPECT_EQ(R->runTimeFormFor(1), nullptr);
}

TEST(RuleTable, ReplaceMayBeOnePerPattern) {
  RuleTable T = tableFrom(oneRule("sctp-per-pattern", R"yaml(    kind: rewrite
    match: [f($a), g($a)]
    replace: [f2($a), g2($a)]
)yaml"));
  const Rule *R = T.find("sctp-per-pattern");
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->replacementFor(0)->text(), "f2($a)");
  EXPECT_EQ(R->replacementFor(1)->text(), "g2($a)");
}

const char *TemplateDoc = R"yaml(templates:
  tcp-option:
    kind: flag
    summary: from the template
    match:
      - setsockopt($fd, $level, $optname, $optval, $optlen)
      - getsockopt($fd, $level, $optname, $optval, $optlen)
    where: $level == IPPROTO_TCP
    descriptor: $fd
    demonstration: template demo
)yaml";

TEST(RuleTable, ATemplateGivesItsFieldsAndTheEntryOverridesThem) {
  RuleTable T =
      tableFrom(oneRule("sctp-from-template", R"yaml(    template: tcp-option
    kind: rewrite
    summary: from the entry
    where: $optname == TCP_NODELAY
    replace:
      - setsockopt($fd, IPPROTO_SCTP, 3, $optval, $optlen)
      - getsockopt($fd, IPPROTO_SCTP, 3, $optval, $optlen)
    message: m
    suggestion: g
    reference: r
    example: {before: b, after: a}
)yaml",
                        false, TemplateDoc));
  const Rule *R = T.find("sctp-from-template");
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->TemplateName, "tcp-option");
  EXPECT_EQ(R->Kind, RuleKind::Rewrite);        // entry wins
  EXPECT_EQ(R->Summary, "from the entry");      // entry wins
  EXPECT_EQ(R->Patterns.size(), 2u);            // inherited
  EXPECT_EQ(R->Descriptor, "fd");               // inherited
  EXPECT_EQ(R->Demonstration, "template demo"); // inherited
  EXPECT_EQ(R->Replace.size(), 2u);
  // `where` adds up, the template's first.
  ASSERT_EQ(R->Where.size(), 2u);
  EXPECT_EQ(R->Where[0].text(), "$level == IPPROTO_TCP");
  EXPECT_EQ(R->Where[1].text(), "$optname == TCP_NODELAY");
}

TEST(RuleTable, ALaterRuleWithTheSameIdReplacesTheEarlierInPlace) {
  // --rules=file.yaml overrides a built-in rule without reordering the table.
  RuleTable T;
  llvm::cantFail(T.addYAML(
      oneRule("sctp-a", "    kind: flag\n    match: a($x)\n") +
          "  - id: sctp-b\n    kind: flag\n    match: b($x)\n" + RuleWords,
      "first.yaml"));
  llvm::cantFail(T.addYAML(
      oneRule("sctp-a", "    kind: flag\n    match: c($x)\n"), "second.yaml"));
  llvm::cantFail(T.resolve());
  ASSERT_EQ(T.rules().size(), 2u);
  EXPECT_EQ(T.rules()[0].Id, "sctp-a");
  EXPECT_EQ(T.rules()[0].Origin, "second.yaml");
  EXPECT_EQ(T.rules()[0].Patterns[0].Call->Callee, "c");
  EXPECT_EQ(T.rules()[1].Id, "sctp-b");
}

TEST(RuleTable, TheOtherSectionsOfARuleFile) {
  RuleTable T =
      tableFrom(RuleConstants + R"yaml(wording: {ported-form: "SCTP form"}
descriptor-sources: {never-converted: [pipe, open]}
example-prelude: "#include <sys/socket.h>"
helpers:
  sctpify_outer:
    headers: "<sys/socket.h>"
    code: "static int sctpify_outer(int fd) { return sctpify_inner(fd); }"
  sctpify_inner:
    code: |
      /* like sctpify_other() */ // and sctpify_another
      static int sctpify_inner(int fd) { return fd + sizeof "/* x */"; }
)yaml");
  EXPECT_EQ(T.wording("ported-form", "x"), "SCTP form");
  EXPECT_EQ(T.wording("missing", "the default"), "the default");
  EXPECT_TRUE(T.neverConverted("pipe"));
  EXPECT_FALSE(T.neverConverted("socket"));
  EXPECT_EQ(T.examplePrelude(), "#include <sys/socket.h>");
  ASSERT_EQ(T.helpers().count("sctpify_outer"), 1u);
  const Helper &Outer = T.helpers().find("sctpify_outer")->second;
  EXPECT_EQ(Outer.Uses, std::vector<std::string>{"sctpify_inner"});
  EXPECT_EQ(Outer.Headers, std::vector<std::string>{"<sys/socket.h>"});
  // Names in comments are not calls; a string's text is not a comment.
  EXPECT_TRUE(T.helpers().find("sctpify_inner")->second.Uses.empty());
}

} // namespace
