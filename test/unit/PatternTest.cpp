// Code-shaped patterns (`socket($domain, $type, $protocol)`, `struct
// tcp_info`, `$ai->ai_protocol == IPPROTO_TCP`) and replacement templates.
#include "engine/Pattern.h"
#include "gtest/gtest.h"

using namespace sctpify;
using llvm::StringRef;

namespace {

ParsedPattern pattern(StringRef Text) {
  llvm::Expected<ParsedPattern> P = parsePattern(Text);
  if (!P) {
    ADD_FAILURE() << llvm::toString(P.takeError());
    return ParsedPattern();
  }
  return std::move(*P);
}

std::string patternError(StringRef Text) {
  llvm::Expected<ParsedPattern> P = parsePattern(Text);
  return P ? "" : llvm::toString(P.takeError());
}

/// What a pattern's implied condition says for a synthetic value V.
Truth impliedHolds(const Condition &C, int64_t V,
                   const llvm::StringMap<int64_t> &Constants) {
  Condition Copy = C;
  llvm::cantFail(Copy.resolve(Constants));
  return Copy.evaluate([&](StringRef) { return Value{V}; });
}

using Args = std::vector<std::string>;

// --- Call patterns ---

TEST(Pattern, ACallBindsEachArgumentToItsMetavariable) {
  ParsedPattern P = pattern("socket($domain, $type, $protocol)");
  ASSERT_TRUE(P.Call);
  EXPECT_FALSE(P.Type);
  EXPECT_FALSE(P.Comparison);
  EXPECT_EQ(P.Call->Callee, "socket");
  EXPECT_EQ(P.Call->Args, (Args{"domain", "type", "protocol"}));
  EXPECT_FALSE(P.Call->Variadic);
  EXPECT_FALSE(P.Call->Statement);
  EXPECT_TRUE(P.Implied.empty());
  EXPECT_EQ(P.Call->Text, "socket($domain, $type, $protocol)");
}

TEST(Pattern, AConstantArgumentBecomesAConditionOnASyntheticName) {
  ParsedPattern P =
      pattern("setsockopt($fd, IPPROTO_TCP, TCP_NODELAY, $v, $n)");
  ASSERT_TRUE(P.Call);
  EXPECT_EQ(P.Call->Args, (Args{"fd", "@1", "@2", "v", "n"}));
  ASSERT_EQ(P.Implied.size(), 2u);
  EXPECT_EQ(P.Implied[0].text(), "$@1 == IPPROTO_TCP");
  EXPECT_EQ(P.Implied[1].text(), "$@2 == TCP_NODELAY");
  llvm::StringMap<int64_t> Constants = {{"IPPROTO_TCP", 6}, {"TCP_NODELAY", 1}};
  EXPECT_EQ(impliedHolds(P.Implied[0], 6, Constants), Truth::True);
  EXPECT_EQ(impliedHolds(P.Implied[0], 17, Constants), Truth::False);
}

TEST(Pattern, AConstantExpressionArgumentIsOneCondition) {
  ParsedPattern P = pattern("socket($d, SOCK_STREAM | SOCK_NONBLOCK, 0)");
  ASSERT_TRUE(P.Call);
  EXPECT_EQ(P.Call->Args, (Args{"d", "@1", "@2"}));
  ASSERT_EQ(P.Implied.size(), 2u);
  llvm::StringMap<int64_t> Constants = {{"SOCK_STREAM", 1},
                                        {"SOCK_NONBLOCK", 2048}};
  EXPECT_EQ(impliedHolds(P.Implied[0], 2049, Constants), Truth::True);
  EXPECT_EQ(impliedHolds(P.Implied[1], 0, Constants), Truth::True);
}

TEST(Pattern, TrailingEllipsisAllowsMoreArguments) {
  ParsedPattern P = pattern("ioctl($fd, $request, ...)");
  ASSERT_TRUE(P.Call);
  EXPECT_TRUE(P.Call->Variadic);
  EXPECT_EQ(P.Call->Args, (Args{"fd", "request"}));
}

TEST(Pattern, TrailingSemicolonMakesAStatementPattern) {
  ParsedPattern P = pattern("shutdown($fd, SHUT_WR) ;");
  ASSERT_TRUE(P.Call);
  EXPECT_TRUE(P.Call->Statement);
  EXPECT_EQ(P.Call->Callee, "shutdown");
  EXPECT_EQ(P.Call->Args, (Args{"fd", "@1"}));
}

TEST(Pattern, NoArgumentsIsAnEmptyList) {
  ParsedPattern P = pattern("fork()");
  ASSERT_TRUE(P.Call);
  EXPECT_TRUE(P.Call->Args.empty());
  EXPECT_FALSE(P.Call->Variadic);
}

TEST(Pattern, QualifiedCalleesKeepTheirQualifier) {
  EXPECT_EQ(pattern("::socket($d, $t, $p)").Call->Callee, "::socket");
  EXPECT_EQ(pattern("asio::connect($s, $e)").Call->Callee, "asio::connect");
}

TEST(Pattern, ErrorsInCallPatterns) {
  EXPECT_NE(
      patternError("f($a, ..., $b)").find("'...' must be the last argument"),
      std::string::npos);
  EXPECT_NE(patternError("f($a, , $b)").find("empty argument 2"),
            std::string::npos);
  EXPECT_NE(patternError("f($a, $a)").find("$a is bound twice"),
            std::string::npos);
  EXPECT_NE(patternError("f($a + 1)")
                .find("must be a metavariable or a "
                      "constant expression"),
            std::string::npos);
  // A constant argument that is no C expression: the condition's own error.
  EXPECT_NE(patternError("f($a, @)").find("unexpected '@'"), std::string::npos);
  for (StringRef NotOneCall :
       {"f(a) + g(b)", "(f)(x)", "f(a", "1f(x)", "f(\"a)"}) {
    std::string E = patternError(NotOneCall);
    EXPECT_NE(E.find("a call pattern is `function(args...)`"),
              std::string::npos)
        << NotOneCall.str() << ": " << E;
  }
  EXPECT_NE(patternError("   ").find("it is empty"), std::string::npos);
  // Errors quote the pattern.
  EXPECT_NE(patternError("f($a, $a)").find("in pattern 'f($a, $a)'"),
            std::string::npos);
}

// --- parseCallShape ---

TEST(Pattern, CallShapeSplitsOnlyAtTopLevelCommas) {
  std::optional<CallShape> S =
      parseCallShape("f(g(a, b), \"x, y\", a[1, 2], {3, 4}, (c, d))");
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Callee, "f");
  EXPECT_EQ(S->Args,
            (Args{"g(a, b)", "\"x, y\"", "a[1, 2]", "{3, 4}", "(c, d)"}));
}

TEST(Pattern, CallShapeKeepsEscapedQuotesAndParensInStrings) {
  std::optional<CallShape> S = parseCallShape(R"(printf("a \") (", $x))");
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Args, (Args{R"("a \") (")", "$x"}));
}

TEST(Pattern, CallShapeTrimsArgumentsAndNotesStatementsAndEllipses) {
  std::optional<CallShape> S = parseCallShape("  f (  a ,b  , ... ) ; ");
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Callee, "f");
  EXPECT_EQ(S->Args, (Args{"a", "b", "..."}));
  EXPECT_TRUE(S->Statement);
}

TEST(Pattern, CallShapeRejectsWhatIsNotOneCall) {
  EXPECT_FALSE(parseCallShape("f(a) + g(b)"));
  EXPECT_FALSE(parseCallShape("f(a"));
  EXPECT_FALSE(parseCallShape("f(a))"));
  EXPECT_FALSE(parseCallShape("f(\"a)"));
  EXPECT_FALSE(parseCallShape("x"));
  EXPECT_FALSE(parseCallShape("a.b(c)"));
  EXPECT_FALSE(parseCallShape("::(c)"));
  EXPECT_FALSE(parseCallShape("(*fp)(c)"));
  ASSERT_TRUE(parseCallShape("::ns::f(c)"));
  EXPECT_EQ(parseCallShape("::ns::f(c)")->Callee, "::ns::f");
}

// --- Type patterns ---

TEST(Pattern, TypesWithOrWithoutATagKeyword) {
  ParsedPattern P = pattern("struct tcp_info");
  ASSERT_TRUE(P.Type);
  EXPECT_FALSE(P.Call);
  EXPECT_EQ(P.Type->Name, "tcp_info");
  EXPECT_EQ(P.Type->Text, "struct tcp_info");
  EXPECT_EQ(pattern("union  u").Type->Name, "u");
  EXPECT_EQ(pattern("enum e").Type->Name, "e");
  EXPECT_EQ(pattern("class c").Type->Name, "c");
  EXPECT_EQ(pattern("asio::ip::tcp").Type->Name, "asio::ip::tcp");
  EXPECT_EQ(pattern("::asio::ip::tcp").Type->Name, "asio::ip::tcp");
  EXPECT_TRUE(pattern("struct tcp_info").Implied.empty());
}

TEST(Pattern, ErrorsInTypePatterns) {
  for (StringRef Bad : {"struct tcp info", "a::", "a::::b", "1tcp", "a-b"}) {
    std::string E = patternError(Bad);
    EXPECT_NE(E.find("not a call, a comparison or a type name"),
              std::string::npos)
        << Bad.str() << ": " << E;
  }
}

// --- Comparison patterns ---

TEST(Pattern, AComparisonOfAMemberThroughArrow) {
  ParsedPattern P = pattern("$ai->ai_protocol == IPPROTO_TCP");
  ASSERT_TRUE(P.Comparison);
  EXPECT_EQ(P.Comparison->Object, "ai");
  EXPECT_EQ(P.Comparison->Member, "ai_protocol");
  ASSERT_EQ(P.Implied.size(), 1u);
  EXPECT_EQ(P.Implied[0].text(), "$@value == IPPROTO_TCP");
  EXPECT_EQ(P.Implied[0].metavariables(),
            (std::set<std::string>{ComparisonPattern::ValueName}));
}

TEST(Pattern, AComparisonOfAMemberThroughDotOrWithNotEqual) {
  ParsedPattern P = pattern("$hints.ai_socktype != SOCK_STREAM");
  ASSERT_TRUE(P.Comparison);
  EXPECT_EQ(P.Comparison->Object, "hints");
  EXPECT_EQ(P.Comparison->Member, "ai_socktype");
  ASSERT_EQ(P.Implied.size(), 1u);
  EXPECT_EQ(P.Implied[0].text(), "$@value == SOCK_STREAM");
}

TEST(Pattern, ErrorsInComparisonPatterns) {
  const char *Shape = "a comparison is written `$object->member == VALUE`";
  for (StringRef Bad : {"ai->ai_protocol == 6", "$ai == 6", "$ai->a::b == 6",
                        "$ai-> == 6", "$ai.x y == 6"}) {
    std::string E = patternError(Bad);
    EXPECT_NE(E.find(Shape), std::string::npos) << Bad.str() << ": " << E;
  }
  EXPECT_NE(patternError("$ai->ai_protocol == $x")
                .find("must be a "
                      "metavariable or a "
                      "constant expression"),
            std::string::npos);
}

// --- Templates ---

TEST(PatternTemplate, CollectsMetavariablesOutsideStrings) {
  Template T =
      llvm::cantFail(Template::parse("  log(\"$notone\", $fd, $fd2) + $fd "));
  EXPECT_EQ(T.text(), "log(\"$notone\", $fd, $fd2) + $fd");
  EXPECT_EQ(T.metavariables(), (std::set<std::string>{"fd", "fd2"}));
}

TEST(PatternTemplate, SubstituteFillsHolesAndLeavesStringsAlone) {
  Template T =
      llvm::cantFail(Template::parse("f($a, \"$a \\\" $b\", $b_long, $b)"));
  std::string Out =
      T.substitute([](StringRef Name) { return "<" + Name.str() + ">"; });
  EXPECT_EQ(Out, "f(<a>, \"$a \\\" $b\", <b_long>, <b>)");
}

TEST(PatternTemplate, ACallTemplateKnowsItsShape) {
  Template T = llvm::cantFail(Template::parse("socket($d, $t, IPPROTO_SCTP)"));
  ASSERT_TRUE(T.call());
  EXPECT_EQ(T.call()->Callee, "socket");
  EXPECT_EQ(T.call()->Args, (Args{"$d", "$t", "IPPROTO_SCTP"}));
}

TEST(PatternTemplate, OnlyOneCallThatIsNotAStatementHasAShape) {
  // Edits touch only the parts that differ when the template is one call;
  // anything else replaces the whole call.
  EXPECT_FALSE(
      llvm::cantFail(Template::parse("shutdown($fd, SHUT_WR);")).call());
  EXPECT_FALSE(llvm::cantFail(Template::parse("f($a) + g($b)")).call());
  EXPECT_FALSE(llvm::cantFail(Template::parse("if (f($a)) g($b);")).call());
  EXPECT_FALSE(llvm::cantFail(Template::parse("$a")).call());
}

TEST(PatternTemplate, Errors) {
  llvm::Expected<Template> Empty = Template::parse("   ");
  ASSERT_FALSE(bool(Empty));
  EXPECT_NE(llvm::toString(Empty.takeError()).find("an empty replacement"),
            std::string::npos);
  for (StringRef Bad : {"f($)", "f($1)", "f(a, $ b)"}) {
    llvm::Expected<Template> T = Template::parse(Bad);
    ASSERT_FALSE(bool(T)) << Bad.str();
    std::string E = llvm::toString(T.takeError());
    EXPECT_NE(E.find("in replacement '" + Bad.str() +
                     "': '$' must start a metavariable name"),
              std::string::npos)
        << E;
  }
  // A `$` inside a string is text.
  EXPECT_TRUE(bool(Template::parse("f(\"$\")")));
}

} // namespace
