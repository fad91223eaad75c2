// Binding calls to a rule's patterns and deciding its conditions over what
// the compiler knows of each argument; what a call yields as a descriptor.
#include "engine/Matcher.h"
#include "TestSupport.h"

using namespace sctpify;
using namespace sctpify::test;
using namespace clang;
using llvm::StringRef;

namespace {

/// One parsed file with a Matcher over Rules.
struct Fixture {
  Fixture(StringRef Code, const std::string &RulesYAML, bool CPlusPlus = false,
          bool Prelude = true)
      : AST(parse(Code, CPlusPlus, Prelude)), Rules(tableFrom(RulesYAML)),
        Values(AST->getASTContext(), Locals), M(Rules, Values) {}

  ASTContext &ctx() { return AST->getASTContext(); }
  const CallExpr *call(StringRef Name) { return onlyCallTo(ctx(), Name); }
  const Rule *rule(StringRef Id) {
    const Rule *R = Rules.find(Id);
    EXPECT_NE(R, nullptr) << Id.str();
    return R;
  }
  std::optional<Binding> bind(StringRef Id, const CallExpr *Call) {
    const Rule *R = rule(Id);
    if (!R || !Call)
      return std::nullopt;
    return M.bind(*R, Call);
  }
  /// The verdict of rule Id at the one call to Callee.
  Verdict verdict(StringRef Id, StringRef Callee) {
    std::optional<Binding> B = bind(Id, call(Callee));
    if (!B) {
      ADD_FAILURE() << Id.str() << " does not bind " << Callee.str();
      return {Verdict::DoesNotMatch, {}, Origin::Unknown};
    }
    return M.evaluate(*B);
  }
  std::optional<Origin> source(StringRef Callee) {
    return M.classifySource(call(Callee));
  }

  std::unique_ptr<ASTUnit> AST;
  RuleTable Rules;
  LocalFacts Locals;
  ValueReader Values;
  Matcher M;
};

/// A table with one flag rule per Fields block (ids sctp-r0, sctp-r1, ...).
std::string flagRules(std::vector<StringRef> Fields) {
  std::string Doc = "constants: {ONE: 1, TWO: 2, IPPROTO_TCP: 6}\nrules:\n";
  for (size_t I = 0; I < Fields.size(); ++I)
    Doc += "  - id: sctp-r" + std::to_string(I) + "\n    kind: flag\n" +
           Fields[I].str() + RuleWords;
  return Doc;
}

// --- bind ---

TEST(MatcherBind, BindsEachMetavariableToTheArgumentAtItsPosition) {
  Fixture F("void f(int a) { socket(AF_INET, a, 0); }", socketRules());
  std::optional<Binding> B = F.bind("sctp-socket-protocol", F.call("socket"));
  ASSERT_TRUE(B);
  EXPECT_EQ(B->Pattern, 0u);
  EXPECT_EQ(B->Call, F.call("socket"));
  ASSERT_EQ(B->Args.size(), 3u);
  EXPECT_EQ(B->Args[1].first, "type");
  EXPECT_EQ(B->arg("type"), F.call("socket")->getArg(1));
  EXPECT_EQ(B->arg("protocol"), F.call("socket")->getArg(2));
  EXPECT_EQ(B->arg("nothing"), nullptr);
}

TEST(MatcherBind, ArityMustMatchUnlessThePatternIsVariadic) {
  Fixture F(
      "int f(); int g();\n"
      "void t(void) { f(1, 2); f(1, 2, 3); g(); g(1); g(1, 2, 3); }",
      flagRules({"    match: f($a, $b, $c)\n", "    match: g($a, ...)\n"}));
  std::vector<const CallExpr *> Fs = callsTo(F.ctx(), "f");
  std::vector<const CallExpr *> Gs = callsTo(F.ctx(), "g");
  ASSERT_EQ(Fs.size(), 2u);
  ASSERT_EQ(Gs.size(), 3u);
  EXPECT_FALSE(F.bind("sctp-r0", Fs[0]));
  EXPECT_TRUE(F.bind("sctp-r0", Fs[1]));
  EXPECT_FALSE(F.bind("sctp-r1", Gs[0])); // `...` is more, never fewer
  EXPECT_TRUE(F.bind("sctp-r1", Gs[1]));
  std::optional<Binding> B = F.bind("sctp-r1", Gs[2]);
  ASSERT_TRUE(B);
  EXPECT_EQ(B->Args.size(), 1u); // the extra arguments bind nothing
}

TEST(MatcherBind, TheCalleeNameMustBeThePatterns) {
  Fixture F("int f(); int h();\nvoid t(void) { h(1); f(1); }",
            flagRules({"    match: f($a)\n", "    match: \"::h($a)\"\n"}));
  EXPECT_FALSE(F.bind("sctp-r0", F.call("h")));
  EXPECT_TRUE(F.bind("sctp-r0", F.call("f")));
  // A qualified pattern names the function by its last component.
  EXPECT_TRUE(F.bind("sctp-r1", F.call("h")));
  EXPECT_EQ(F.M.rulesCalling("h").size(), 1u);
  EXPECT_TRUE(F.M.rulesCalling("socket").empty());
}

TEST(MatcherBind, TheFirstPatternThatFitsWins) {
  Fixture F(
      "int f();\nvoid t(void) { f(1, 2); }",
      flagRules({"    match: [\"f($a)\", \"f($a, $b)\", \"f($a, ...)\"]\n"}));
  std::optional<Binding> B = F.bind("sctp-r0", F.call("f"));
  ASSERT_TRUE(B);
  EXPECT_EQ(B->Pattern, 1u);
  EXPECT_EQ(B->pattern().Args, (std::vector<std::string>{"a", "b"}));
}

TEST(MatcherBind, OnlyTheCLibraryFunctionIsOne) {
  // A function of the program (static, or with a body here) is not the C
  // library's, whatever its name.
  Fixture Own("static int socket2(int a) { return a; }\n"
              "int mine(int a) { return a; }\n"
              "void t(void) { socket(AF_INET, SOCK_STREAM, 0); socket2(1); "
              "mine(1); }",
              socketRules());
  auto Callee = [&](StringRef Name) {
    return Own.call(Name)->getDirectCallee();
  };
  EXPECT_TRUE(Matcher::isCLibraryFunction(Callee("socket")));
  EXPECT_FALSE(Matcher::isCLibraryFunction(Callee("socket2")));
  EXPECT_FALSE(Matcher::isCLibraryFunction(Callee("mine")));
  EXPECT_FALSE(Matcher::isCLibraryFunction(nullptr));

  Fixture Cxx("namespace net { int socket(int, int, int); }\n"
              "struct S { int socket(int, int, int); };\n"
              "int own(int);\n"
              "void t(S s) { net::socket(2, 1, 0); s.socket(2, 1, 0); own(1); "
              "::socket(2, 1, 0); }",
              socketRules(), /*CPlusPlus=*/true);
  std::vector<const CallExpr *> Calls = callsTo(Cxx.ctx(), "socket");
  ASSERT_EQ(Calls.size(), 3u);
  EXPECT_FALSE(Matcher::isCLibraryFunction(Calls[0]->getDirectCallee()));
  EXPECT_FALSE(Matcher::isCLibraryFunction(Calls[1]->getDirectCallee()));
  EXPECT_TRUE(Matcher::isCLibraryFunction(Calls[2]->getDirectCallee()));
  // C++ linkage is not the C library's, even at global scope.
  EXPECT_FALSE(Matcher::isCLibraryFunction(Cxx.call("own")->getDirectCallee()));
  // The descriptor a namespaced `socket` returns is nothing the rules know.
  EXPECT_EQ(Cxx.M.classifySource(Calls[0]), std::nullopt);
  EXPECT_EQ(Cxx.M.classifySource(Calls[1]), std::nullopt);
  EXPECT_EQ(Cxx.M.classifySource(Calls[2]), Origin::Converted);
}

TEST(MatcherBind, AStaticFunctionNamedSocketIsNotTheCLibrarys) {
  Fixture F("static int socket(int d, int t, int p) { return d + t + p; }\n"
            "void t(void) { socket(2, 1, 0); }",
            socketRules(), /*CPlusPlus=*/false, /*Prelude=*/false);
  const CallExpr *Call = F.call("socket");
  EXPECT_FALSE(Matcher::isCLibraryFunction(Call->getDirectCallee()));
  EXPECT_EQ(F.M.classifySource(Call), std::nullopt);
}

// --- evaluate ---

TEST(MatcherEvaluate, KnownArgumentsThatSatisfyEveryConditionMatch) {
  Fixture F("void t(void) { socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, "
            "IPPROTO_TCP); }",
            socketRules());
  Verdict V = F.verdict("sctp-socket-protocol", "socket");
  EXPECT_EQ(V.K, Verdict::Matches);
  EXPECT_TRUE(V.UnknownArgs.empty());
}

TEST(MatcherEvaluate, ValuesAreReadThroughConstantsAndUnchangedLocals) {
  Fixture F("void t(void) { const int family = 2; int type = SOCK_STREAM; "
            "socket(family, type, 0); }",
            socketRules());
  EXPECT_EQ(F.verdict("sctp-socket-protocol", "socket").K, Verdict::Matches);
}

TEST(MatcherEvaluate, OneKnownFalseConditionDoesNotMatchWhateverIsUnknown) {
  Fixture F("void t(int type, int proto) { socket(AF_UNIX, type, proto); }",
            socketRules());
  Verdict V = F.verdict("sctp-socket-protocol", "socket");
  EXPECT_EQ(V.K, Verdict::DoesNotMatch);
  EXPECT_TRUE(V.UnknownArgs.empty());
}

TEST(MatcherEvaluate, RunTimeArgumentsMakeItUnknownAndAreListed) {
  Fixture F("void t(int d, int proto) { socket(d, SOCK_STREAM, proto); }",
            socketRules());
  Verdict V = F.verdict("sctp-socket-protocol", "socket");
  EXPECT_EQ(V.K, Verdict::Unknown);
  EXPECT_EQ(V.UnknownArgs, (std::vector<std::string>{"domain", "protocol"}));
}

TEST(MatcherEvaluate, UnknownArgsAreInArgumentOrderNotConditionOrder) {
  // Review messages name the arguments in the order the call has them.
  Fixture F("int f();\nvoid t(int x, int y) { f(x, 1, y); }",
            flagRules({"    match: f($a, $b, $c)\n"
                       "    where: [$c == ONE, $b == ONE, $a == TWO]\n"}));
  Verdict V = F.verdict("sctp-r0", "f");
  EXPECT_EQ(V.K, Verdict::Unknown);
  EXPECT_EQ(V.UnknownArgs, (std::vector<std::string>{"a", "c"}));
}

TEST(MatcherEvaluate, AConstantInThePatternIsAConditionToo) {
  Fixture F("void t(int fd, int level, int one) {\n"
            "  setsockopt(fd, SOL_SOCKET, TCP_NODELAY, &one, 4);\n}\n"
            "void u(int fd, int level, int one) {\n"
            "  setsockopt(fd, level, TCP_NODELAY, &one, 4);\n}\n"
            "void v(int fd, int one) {\n"
            "  setsockopt(fd, 6, 1, &one, 4);\n}\n",
            socketRules());
  std::vector<const CallExpr *> Calls = callsTo(F.ctx(), "setsockopt");
  ASSERT_EQ(Calls.size(), 3u);
  auto At = [&](size_t I) {
    std::optional<Binding> B = F.bind("sctp-option-nodelay", Calls[I]);
    return B ? F.M.evaluate(*B) : Verdict{Verdict::Matches, {"not bound"}, {}};
  };
  EXPECT_EQ(At(0).K, Verdict::DoesNotMatch);
  Verdict Unknown = At(1);
  EXPECT_EQ(Unknown.K, Verdict::Unknown);
  // The synthetic name of the constant's position, `@1`.
  EXPECT_EQ(Unknown.UnknownArgs, std::vector<std::string>{"@1"});
  EXPECT_EQ(At(2).K, Verdict::Matches); // 6 and 1 are IPPROTO_TCP, TCP_NODELAY
}

TEST(MatcherEvaluate, StringArgumentsCompareByContents) {
  Fixture F("int getservbyname();\n"
            "void t(void) { const char proto[] = \"tcp\";\n"
            "  getservbyname(\"http\", \"tcp\"); getservbyname(\"dns\", "
            "\"udp\"); getservbyname(\"x\", proto); }\n"
            "void u(const char *p) { getservbyname(\"x\", p); }",
            flagRules({"    match: getservbyname($name, $proto)\n"
                       "    where: $proto == \"tcp\"\n"}));
  std::vector<const CallExpr *> Calls = callsTo(F.ctx(), "getservbyname");
  ASSERT_EQ(Calls.size(), 4u);
  auto At = [&](size_t I) {
    std::optional<Binding> B = F.bind("sctp-r0", Calls[I]);
    EXPECT_TRUE(B);
    return B ? F.M.evaluate(*B).K : Verdict::Matches;
  };
  EXPECT_EQ(At(0), Verdict::Matches);
  EXPECT_EQ(At(1), Verdict::DoesNotMatch);
  EXPECT_EQ(At(2), Verdict::Matches);
  EXPECT_EQ(At(3), Verdict::Unknown);
}

TEST(MatcherEvaluate, ComparesToTheComparisonPatternsValue) {
  Fixture F("void t(int x) { use(6); use(IPPROTO_SCTP); use(x); }",
            flagRules({"    match: $ai->ai_protocol == IPPROTO_TCP\n"}));
  std::vector<const CallExpr *> Uses = callsTo(F.ctx(), "use");
  ASSERT_EQ(Uses.size(), 3u);
  const Rule *R = F.rule("sctp-r0");
  ASSERT_NE(R, nullptr);
  EXPECT_TRUE(F.M.comparesTo(*R, Uses[0]->getArg(0)));
  EXPECT_FALSE(F.M.comparesTo(*R, Uses[1]->getArg(0)));
  EXPECT_FALSE(F.M.comparesTo(*R, Uses[2]->getArg(0))); // unknown: no flag
  EXPECT_EQ(F.M.rulesForMember("ai_protocol").size(), 1u);
}

TEST(MatcherEvaluate, TypeRulesAreIndexedByTheLastNameComponent) {
  Fixture F("void t(void) {}", flagRules({"    match: asio::ip::tcp\n",
                                          "    match: struct tcp_info\n"}));
  EXPECT_EQ(F.M.rulesForType("tcp").size(), 1u);
  EXPECT_EQ(F.M.rulesForType("tcp_info").size(), 1u);
  EXPECT_TRUE(F.M.rulesForType("asio::ip::tcp").empty());
}

// --- classifySource ---

TEST(MatcherClassifySource, ASocketTheRuleRewritesIsConverted) {
  Fixture F("void t(void) { socket(AF_INET, SOCK_STREAM, 0); }", socketRules());
  EXPECT_EQ(F.source("socket"), Origin::Converted);
}

TEST(MatcherClassifySource, ASocketTheRuleLeavesAloneIsNotConverted) {
  Fixture F("void t(void) { socket(AF_UNIX, SOCK_STREAM, 0); }", socketRules());
  EXPECT_EQ(F.source("socket"), Origin::NotConverted);
  Fixture Udp("void t(void) { socket(AF_INET, SOCK_DGRAM, 0); }",
              socketRules());
  EXPECT_EQ(Udp.source("socket"), Origin::NotConverted);
}

TEST(MatcherClassifySource, AnAlreadyPortedSocketIsConverted) {
  // A second run over ported code must see the same descriptors as the first.
  Fixture F("void t(void) { socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP); }",
            socketRules());
  EXPECT_EQ(F.source("socket"), Origin::Converted);
  // The ported form's other conditions still apply: SCTP over AF_UNIX is
  // no port of anything.
  Fixture Unix("void t(void) { socket(AF_UNIX, SOCK_STREAM, IPPROTO_SCTP); }",
               socketRules());
  EXPECT_EQ(Unix.source("socket"), Origin::NotConverted);
}

TEST(MatcherClassifySource, ARunTimeSocketIsMixedWithAnAtRunTimeForm) {
  Fixture F("void t(int d) { socket(d, SOCK_STREAM, 0); }", socketRules());
  EXPECT_EQ(F.source("socket"), Origin::Mixed);
  // Without one, nothing is decided for it.
  Fixture NoRunTime("void t(int d) { socket(d, SOCK_STREAM, 0); }",
                    socketRules(/*RunTime=*/false));
  EXPECT_EQ(NoRunTime.source("socket"), Origin::Unknown);
}

TEST(MatcherClassifySource, ACallToTheAtRunTimeHelperIsMixed) {
  Fixture F("static inline int sctpify_socket(int d, int t, int p) "
            "{ return socket(d, t, p); }\n"
            "void t(void) { sctpify_socket(AF_INET, SOCK_STREAM, 0); }",
            socketRules());
  EXPECT_EQ(F.source("sctpify_socket"), Origin::Mixed);
}

/// socketRules() as --fallback=tcp has it: the port is a helper whose
/// socket is SCTP or not only at run time (`yields-descriptor: mixed`).
std::string mixedSocketRules() {
  std::string Doc = socketRules(/*RunTime=*/false);
  for (auto [From, To] :
       {std::pair<std::string, std::string>(
            "replace: socket($domain, $type, IPPROTO_SCTP)",
            "replace: sctpify_socket($domain, $type, $protocol)"),
        std::pair<std::string, std::string>("yields-descriptor: true",
                                            "yields-descriptor: mixed")}) {
    size_t At = Doc.find(From);
    EXPECT_NE(At, std::string::npos) << From;
    if (At != std::string::npos)
      Doc.replace(At, From.size(), To);
  }
  return Doc;
}

TEST(MatcherClassifySource, AMatchOfARuleThatYieldsMixedIsMixed) {
  Fixture F("void t(void) { socket(AF_INET, SOCK_STREAM, 0); }",
            mixedSocketRules());
  EXPECT_EQ(F.source("socket"), Origin::Mixed);
  // Where the rule does not apply, the call is what it was.
  Fixture Unix("void t(void) { socket(AF_UNIX, SOCK_STREAM, 0); }",
               mixedSocketRules());
  EXPECT_EQ(Unix.source("socket"), Origin::NotConverted);
  // Its replace form is a helper: a call to it (a second run) is mixed too.
  Fixture Ported("static inline int sctpify_socket(int d, int t, int p) "
                 "{ return socket(d, t, p); }\n"
                 "void t(void) { sctpify_socket(AF_INET, SOCK_STREAM, 0); }",
                 mixedSocketRules());
  EXPECT_EQ(Ported.source("sctpify_socket"), Origin::Mixed);
}

TEST(MatcherClassifySource, NeverConvertedCallsAreNotConverted) {
  Fixture F("void t(int fds[2]) { pipe(fds); open(\"f\", 0); }", socketRules());
  EXPECT_EQ(F.source("pipe"), Origin::NotConverted);
  EXPECT_EQ(F.source("open"), Origin::NotConverted);
}

TEST(MatcherClassifySource, OtherCallsSayNothing) {
  Fixture F("int other(void);\nvoid t(void) { other(); }", socketRules());
  EXPECT_EQ(F.source("other"), std::nullopt);
}

TEST(MatcherClassifySource, AMethodNamedLikeANeverConvertedCallSaysNothing) {
  // `conn.open()` in C++ is the program's own method, not open(2); it may
  // well return a TCP socket.
  Fixture F("struct Conn { int open(); };\n"
            "void t(Conn c) { c.open(); }",
            socketRules(), /*CPlusPlus=*/true);
  std::optional<Origin> O = F.source("open");
  EXPECT_EQ(O, std::nullopt);
}

} // namespace
