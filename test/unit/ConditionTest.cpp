// A rule's `where:` conditions: C expressions over metavariables and named
// constants, evaluated in three values over what the compiler knows.
#include "engine/Condition.h"
#include "gtest/gtest.h"
#include <map>

using namespace sctpify;
using llvm::StringRef;

namespace {

const llvm::StringMap<int64_t> &constants() {
  static const llvm::StringMap<int64_t> Table = {
      {"SOCK_STREAM", 1},       {"SOCK_DGRAM", 2}, {"SOCK_NONBLOCK", 2048},
      {"SOCK_CLOEXEC", 524288}, {"MSG_OOB", 1},    {"MSG_PEEK", 2},
      {"IPPROTO_TCP", 6},       {"AF_INET", 2},    {"AF_INET6", 10}};
  return Table;
}

using Values = std::map<std::string, Value>;

/// Text parsed and resolved against constants(); a test failure otherwise.
Condition condition(StringRef Text) {
  llvm::Expected<Condition> C = Condition::parse(Text);
  if (!C) {
    ADD_FAILURE() << llvm::toString(C.takeError());
    return llvm::cantFail(Condition::parse("0"));
  }
  if (llvm::Error E = C->resolve(constants()))
    ADD_FAILURE() << llvm::toString(std::move(E));
  return std::move(*C);
}

/// Text evaluated with the metavariables in Known; the others are unknown.
Truth evaluate(StringRef Text, const Values &Known = {}) {
  return condition(Text).evaluate([&](StringRef Name) {
    auto It = Known.find(Name.str());
    return It == Known.end() ? Value::unknown() : It->second;
  });
}

Value integer(int64_t I) { return {I}; }
Value string(const char *S) { return {std::string(S)}; }

/// The error parse() gives for Text, or "" when it parses.
std::string parseError(StringRef Text) {
  llvm::Expected<Condition> C = Condition::parse(Text);
  return C ? "" : llvm::toString(C.takeError());
}

// --- Parsing and precedence (checked by value, so a wrong tree shows) ---

TEST(Condition, BinaryOperatorsFollowCPrecedence) {
  EXPECT_EQ(evaluate("1 | 2 & 0"), Truth::True);   // 1 | (2 & 0)
  EXPECT_EQ(evaluate("1 | 1 ^ 1"), Truth::True);   // 1 | (1 ^ 1)
  EXPECT_EQ(evaluate("1 || 1 && 0"), Truth::True); // 1 || (1 && 0)
  EXPECT_EQ(evaluate("1 + 2 * 3 == 7"), Truth::True);
  EXPECT_EQ(evaluate("1 << 2 + 1 == 8"), Truth::True); // 1 << (2 + 1)
  EXPECT_EQ(evaluate("1 < 2 == 1"), Truth::True);      // (1 < 2) == 1
}

TEST(Condition, EqualityBindsTighterThanAMaskAsInC) {
  // `$flags & MSG_OOB == MSG_OOB` is `$flags & 1` in C; a rule author who
  // means the mask must write parentheses, and the engine must agree with C.
  EXPECT_EQ(evaluate("2 & 1 == 1"), Truth::False); // 2 & (1 == 1)
  EXPECT_EQ(evaluate("(2 & 1) == 0"), Truth::True);
}

TEST(Condition, BinaryOperatorsAreLeftAssociative) {
  EXPECT_EQ(evaluate("10 - 3 - 2 == 5"), Truth::True);
  EXPECT_EQ(evaluate("64 >> 2 >> 1 == 8"), Truth::True);
}

TEST(Condition, ParenthesesOverridePrecedence) {
  EXPECT_EQ(evaluate("(1 | 2) & 0"), Truth::False);
  EXPECT_EQ(evaluate("(1 + 2) * 3 == 9"), Truth::True);
  EXPECT_EQ(evaluate("((((1))))"), Truth::True);
}

TEST(Condition, UnaryOperators) {
  EXPECT_EQ(evaluate("-1 < 0"), Truth::True);
  EXPECT_EQ(evaluate("~0 == -1"), Truth::True);
  EXPECT_EQ(evaluate("!0"), Truth::True);
  EXPECT_EQ(evaluate("!5"), Truth::False);
  EXPECT_EQ(evaluate("!!5 == 1"), Truth::True);
  EXPECT_EQ(evaluate("+3 == 3"), Truth::True);
  EXPECT_EQ(evaluate("-(2 + 3) == -5"), Truth::True);
  EXPECT_EQ(evaluate("!$x"), Truth::Unknown);
  EXPECT_EQ(evaluate("!$x", {{"x", integer(0)}}), Truth::True);
}

TEST(Condition, IntegerLiteralsInCBases) {
  EXPECT_EQ(evaluate("0x800 == 2048"), Truth::True);
  EXPECT_EQ(evaluate("010 == 8"), Truth::True);
}

TEST(Condition, MetavariablesAreCollectedWithoutConstants) {
  Condition C = condition("$b == AF_INET || ($a & MSG_OOB) || $b == 2");
  EXPECT_EQ(C.metavariables(), (std::set<std::string>{"a", "b"}));
  EXPECT_EQ(C.text(), "$b == AF_INET || ($a & MSG_OOB) || $b == 2");
  EXPECT_EQ(condition("  1 == 1  ").text(), "1 == 1");
}

// --- Parse errors: each says what and where (1-based column) ---

TEST(Condition, ParseErrorsNameTheConditionAndTheColumn) {
  std::string E = parseError("1 == @");
  EXPECT_NE(E.find("in condition '1 == @'"), std::string::npos) << E;
  EXPECT_NE(E.find("column 6: unexpected '@'"), std::string::npos) << E;

  E = parseError("$p == \"tcp");
  EXPECT_NE(E.find("column 7: unterminated string"), std::string::npos) << E;

  E = parseError("10u == 1");
  EXPECT_NE(E.find("column 1: bad integer '10u'"), std::string::npos) << E;

  E = parseError("(1 == 1");
  EXPECT_NE(E.find("column 8: expected ')'"), std::string::npos) << E;

  E = parseError("1 ==");
  EXPECT_NE(E.find("column 5: the condition ends too early"), std::string::npos)
      << E;

  E = parseError("1 == 1)");
  EXPECT_NE(E.find("column 7: unexpected ')'"), std::string::npos) << E;

  E = parseError("== 1");
  EXPECT_NE(E.find("column 1: unexpected '=='"), std::string::npos) << E;

  E = parseError("$a ~ 1"); // `~` is unary only
  EXPECT_NE(E.find("column 4: unexpected '~'"), std::string::npos) << E;

  E = parseError("4 / 2"); // no division: rules test bits and equality
  EXPECT_NE(E.find("column 3: unexpected '/'"), std::string::npos) << E;

  E = parseError("");
  EXPECT_NE(E.find("column 1: the condition ends too early"), std::string::npos)
      << E;
}

TEST(Condition, ALoneDollarIsAnErrorAtItsColumn) {
  std::string E = parseError("1 == $ + 2");
  EXPECT_NE(E.find("'$' must start a metavariable name"), std::string::npos)
      << E;
  EXPECT_NE(E.find("column 6:"), std::string::npos) << E;
}

// --- resolve() ---

TEST(Condition, ResolveFailsOnAnUnknownConstantAndNamesIt) {
  llvm::Expected<Condition> C =
      Condition::parse("$t == SOCK_STREAM || $t == SOCK_WHATEVER");
  ASSERT_TRUE(bool(C));
  llvm::Error E = C->resolve(constants());
  ASSERT_TRUE(bool(E));
  std::string Text = llvm::toString(std::move(E));
  EXPECT_NE(Text.find("unknown constant 'SOCK_WHATEVER'"), std::string::npos)
      << Text;
  EXPECT_NE(Text.find("$t == SOCK_STREAM || $t == SOCK_WHATEVER"),
            std::string::npos)
      << Text;
}

TEST(Condition, ConstantsCompareByValue) {
  // SOCK_STREAM is 1 whether the code spells it SOCK_STREAM or 1.
  EXPECT_EQ(evaluate("$t == SOCK_STREAM", {{"t", integer(1)}}), Truth::True);
  EXPECT_EQ(evaluate("$t == SOCK_STREAM", {{"t", integer(2)}}), Truth::False);
}

TEST(Condition, CopiesAreIndependentTrees) {
  // Rules are copied between tables; resolving one copy must not change
  // another's constants.
  Condition A = llvm::cantFail(Condition::parse("$x == K"));
  Condition B = A;
  llvm::cantFail(A.resolve({{"K", 5}}));
  llvm::cantFail(B.resolve({{"K", 7}}));
  auto Five = [](StringRef) { return integer(5); };
  EXPECT_EQ(A.evaluate(Five), Truth::True);
  EXPECT_EQ(B.evaluate(Five), Truth::False);
  Condition C = llvm::cantFail(Condition::parse("1"));
  C = B;
  EXPECT_EQ(C.evaluate(Five), Truth::False);
  EXPECT_EQ(C.text(), "$x == K");
}

// --- Three-valued evaluation ---

TEST(Condition, AndIsFalseWhenOneKnownSideIsFalse) {
  EXPECT_EQ(evaluate("0 && $x"), Truth::False);
  EXPECT_EQ(evaluate("$x && 0"), Truth::False);
  EXPECT_EQ(evaluate("$x && $y", {{"y", integer(0)}}), Truth::False);
}

TEST(Condition, OrIsTrueWhenOneKnownSideIsTrue) {
  EXPECT_EQ(evaluate("1 || $x"), Truth::True);
  EXPECT_EQ(evaluate("$x || 1"), Truth::True);
  EXPECT_EQ(evaluate("$x == 1 || $y == 2", {{"y", integer(2)}}), Truth::True);
}

TEST(Condition, UnknownWhenTheKnownSideDoesNotDecide) {
  EXPECT_EQ(evaluate("$x && 1"), Truth::Unknown);
  EXPECT_EQ(evaluate("1 && $x"), Truth::Unknown);
  EXPECT_EQ(evaluate("$x || 0"), Truth::Unknown);
  EXPECT_EQ(evaluate("0 || $x"), Truth::Unknown);
  EXPECT_EQ(evaluate("$x == 1"), Truth::Unknown);
  EXPECT_EQ(evaluate("$x + 1 == 2"), Truth::Unknown);
}

TEST(Condition, BothSidesKnownDecideAndAndOr) {
  Values Known = {{"x", integer(3)}, {"y", integer(0)}};
  EXPECT_EQ(evaluate("$x && $x", Known), Truth::True);
  EXPECT_EQ(evaluate("$x && $y", Known), Truth::False);
  EXPECT_EQ(evaluate("$y || $y", Known), Truth::False);
  EXPECT_EQ(evaluate("$y || $x", Known), Truth::True);
}

TEST(Condition, UnknownPropagatesThroughNesting) {
  EXPECT_EQ(evaluate("($x || 1) && $y == 2", {{"y", integer(2)}}), Truth::True);
  EXPECT_EQ(evaluate("($x && 1) || $y == 2", {{"y", integer(3)}}),
            Truth::Unknown);
  EXPECT_EQ(evaluate("($x && 0) || $y == 2", {{"y", integer(3)}}),
            Truth::False);
}

TEST(Condition, StringsCompareForEqualityOnly) {
  EXPECT_EQ(evaluate("$p == \"tcp\"", {{"p", string("tcp")}}), Truth::True);
  EXPECT_EQ(evaluate("$p == \"tcp\"", {{"p", string("udp")}}), Truth::False);
  EXPECT_EQ(evaluate("$p != \"tcp\"", {{"p", string("udp")}}), Truth::True);
  EXPECT_EQ(evaluate("$p != \"tcp\"", {{"p", string("tcp")}}), Truth::False);
  EXPECT_EQ(evaluate("$p == \"tcp\""), Truth::Unknown);
  // A number is never equal to a string, and ordering strings is no match.
  EXPECT_EQ(evaluate("$p == \"6\"", {{"p", integer(6)}}), Truth::False);
  EXPECT_EQ(evaluate("\"a\" < \"b\""), Truth::False);
  // A string's contents are not parsed: operators inside are text.
  EXPECT_EQ(evaluate("$p == \"a || b\"", {{"p", string("a || b")}}),
            Truth::True);
}

TEST(Condition, ABareStringIsTrueAsANonNullPointer) {
  EXPECT_EQ(evaluate("\"tcp\""), Truth::True);
}

TEST(Condition, MaskingOutFlagsBeforeComparing) {
  const char *Stream =
      "($type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) == SOCK_STREAM";
  EXPECT_EQ(evaluate(Stream, {{"type", integer(1)}}), Truth::True);
  EXPECT_EQ(evaluate(Stream, {{"type", integer(1 | 2048)}}), Truth::True);
  EXPECT_EQ(evaluate(Stream, {{"type", integer(1 | 2048 | 524288)}}),
            Truth::True);
  EXPECT_EQ(evaluate(Stream, {{"type", integer(2 | 524288)}}), Truth::False);
  EXPECT_EQ(evaluate(Stream), Truth::Unknown);
}

TEST(Condition, ABitTestIsTrueWhenTheBitIsSet) {
  EXPECT_EQ(evaluate("$flags & MSG_OOB", {{"flags", integer(1 | 4)}}),
            Truth::True);
  EXPECT_EQ(evaluate("$flags & MSG_OOB", {{"flags", integer(2 | 4)}}),
            Truth::False);
  EXPECT_EQ(evaluate("$flags & (MSG_OOB | MSG_PEEK)", {{"flags", integer(2)}}),
            Truth::True);
}

TEST(Condition, AShiftOutOfRangeDecidesNothing) {
  // C leaves it undefined; the engine must not make up a value.
  EXPECT_EQ(evaluate("1 << 64 == 0"), Truth::Unknown);
  EXPECT_EQ(evaluate("1 << -1 == 0"), Truth::Unknown);
  EXPECT_EQ(evaluate("1 << 62 > 0"), Truth::True);
}

// --- Condition::equals: what a constant in a pattern means ---

TEST(Condition, EqualsComparesTheMetavariableWithTheConstantExpression) {
  Condition C =
      llvm::cantFail(Condition::equals("@1", "SOCK_STREAM | SOCK_NONBLOCK"));
  EXPECT_EQ(C.text(), "$@1 == SOCK_STREAM | SOCK_NONBLOCK");
  EXPECT_EQ(C.metavariables(), (std::set<std::string>{"@1"}));
  llvm::cantFail(C.resolve(constants()));
  auto Is = [&](Value V) { return C.evaluate([&](StringRef) { return V; }); };
  // The whole expression is the operand: `== (SOCK_STREAM | SOCK_NONBLOCK)`.
  EXPECT_EQ(Is(integer(2049)), Truth::True);
  EXPECT_EQ(Is(integer(1)), Truth::False);
  EXPECT_EQ(Is(Value::unknown()), Truth::Unknown);
}

TEST(Condition, EqualsRejectsMetavariablesAndBadText) {
  llvm::Expected<Condition> C = Condition::equals("@0", "$fd + 1");
  ASSERT_FALSE(bool(C));
  std::string E = llvm::toString(C.takeError());
  EXPECT_NE(E.find("'$fd + 1' in a pattern must be a metavariable or a "
                   "constant expression"),
            std::string::npos)
      << E;
  llvm::Expected<Condition> D = Condition::equals("@0", "1 +");
  ASSERT_FALSE(bool(D));
  EXPECT_NE(llvm::toString(D.takeError()).find("ends too early"),
            std::string::npos);
}

TEST(Condition, EqualsResolvesItsConstants) {
  Condition C = llvm::cantFail(Condition::equals("@1", "NOT_A_CONSTANT"));
  llvm::Error E = C.resolve(constants());
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("'NOT_A_CONSTANT'"),
            std::string::npos);
}

} // namespace
