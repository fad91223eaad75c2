// What Values knows about an argument: the cases where a local variable's
// value is, and is not, the one its initialiser gave.
#include "engine/Values.h"
#include "TestSupport.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;

namespace {

/// The integer value sctpify sees for the argument of the last `use(...)`
/// call in Code (C), and the number of references to it if it is a local.
struct Seen {
  std::optional<int64_t> Value;
  unsigned References = 0;
};

Seen valueAtUse(llvm::StringRef Code) {
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      (std::string(
           "void use(int);\nvoid fill(int *);\nvoid peek(const int *);\n") +
       Code.str()),
      {"-xc", "-std=c11"}, "input.c");
  struct Finder : RecursiveASTVisitor<Finder> {
    const Expr *Arg = nullptr;
    bool VisitCallExpr(CallExpr *Call) {
      if (const FunctionDecl *F = Call->getDirectCallee())
        if (F->getName() == "use")
          Arg = Call->getArg(0);
      return true;
    }
  } Finder;
  Finder.TraverseAST(AST->getASTContext());
  Seen Result;
  if (!Finder.Arg)
    return Result;
  sctpify::LocalFacts Locals;
  Result.Value = sctpify::ValueReader(AST->getASTContext(), Locals)
                     .integerValue(Finder.Arg);
  if (const VarDecl *Local = Locals.unchangedLocal(Finder.Arg))
    Result.References = Locals.references(Local);
  return Result;
}

TEST(Values, LocalNeverChangedHasItsInitialiser) {
  Seen S = valueAtUse("void f(void) { int level = 6; use(level); }");
  EXPECT_EQ(S.Value, 6);
  EXPECT_EQ(S.References, 1u);
}

TEST(Values, LocalReadTwiceIsStillKnown) {
  Seen S = valueAtUse("void f(void) { int v = 2 + 4; use(v + 0); use(v); }");
  EXPECT_EQ(S.Value, 6);
  EXPECT_EQ(S.References, 2u);
}

TEST(Values, ReadingThroughAConstPointerChangesNothing) {
  EXPECT_EQ(valueAtUse("void f(void) { int v = 6; peek(&v); use(v); }").Value,
            6);
}

TEST(Values, AnyWayToChangeTheLocalMakesItUnknown) {
  EXPECT_EQ(
      valueAtUse("void f(int c) { int v = 6; if (c) v = 0; use(v); }").Value,
      std::nullopt);
  EXPECT_EQ(valueAtUse("void f(void) { int v = 6; v++; use(v); }").Value,
            std::nullopt);
  EXPECT_EQ(valueAtUse("void f(void) { int v = 6; fill(&v); use(v); }").Value,
            std::nullopt);
  EXPECT_EQ(
      valueAtUse("void f(void) { int v = 6; int *p = &v; *p = 1; use(v); }")
          .Value,
      std::nullopt);
  EXPECT_EQ(valueAtUse("void f(void) { volatile int v = 6; use(v); }").Value,
            std::nullopt);
}

TEST(Values, ParametersAndGlobalsAreNotLocals) {
  EXPECT_EQ(valueAtUse("void f(int v) { use(v); }").Value, std::nullopt);
  EXPECT_EQ(valueAtUse("int g = 6; void f(void) { use(g); }").Value,
            std::nullopt);
  EXPECT_EQ(valueAtUse("const int k = 6; void f(void) { use(k); }").Value, 6);
}

/// The string sctpify sees for the argument of each `say(...)` in Code.
std::vector<std::optional<std::string>> stringsAtSay(llvm::StringRef Code) {
  std::unique_ptr<ASTUnit> AST = sctpify::test::parse(
      "void say(const char *);\n" + Code.str(), false, /*Prelude=*/false);
  sctpify::LocalFacts Locals;
  sctpify::ValueReader Values(AST->getASTContext(), Locals);
  std::vector<std::optional<std::string>> Seen;
  for (const CallExpr *Call :
       sctpify::test::callsTo(AST->getASTContext(), "say"))
    Seen.push_back(Values.stringValue(Call->getArg(0)));
  return Seen;
}

TEST(Values, StringsThroughLiteralsConstantsAndUnchangedLocals) {
  // `getservbyname(name, proto)` rules compare "tcp", however it is passed.
  auto Seen = stringsAtSay(
      "const char global[] = \"tcp\";\n"
      "const char *const fixed = \"udp\";\n"
      "const char *movable = \"no\";\n"
      "void f(const char *param, int c) {\n"
      "  const char *local = \"sctp\";\n"
      "  const char *changed = \"x\"; if (c) changed = \"y\";\n"
      "  say(\"tcp\"); say(global); say(fixed); say(local);\n"
      "  say(movable); say(param); say(changed); say(L\"wide\");\n}\n");
  ASSERT_EQ(Seen.size(), 8u);
  EXPECT_EQ(Seen[0], "tcp");
  EXPECT_EQ(Seen[1], "tcp");
  EXPECT_EQ(Seen[2], "udp");
  EXPECT_EQ(Seen[3], "sctp");
  EXPECT_EQ(Seen[4], std::nullopt); // a global any code may change
  EXPECT_EQ(Seen[5], std::nullopt);
  EXPECT_EQ(Seen[6], std::nullopt);
  EXPECT_EQ(Seen[7], std::nullopt); // not one byte per character
}

} // namespace
