// What Values knows about an argument: the cases where a local variable's
// value is, and is not, the one its initialiser gave.
#include "engine/Values.h"
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
      (std::string("void use(int);\nvoid fill(int *);\nvoid peek(const int *);\n") +
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
  Result.Value = sctpify::integerValue(Finder.Arg, AST->getASTContext());
  if (const VarDecl *Local = sctpify::unchangedLocal(Finder.Arg))
    Result.References = sctpify::referencesInFunction(Local);
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
  EXPECT_EQ(valueAtUse("void f(void) { int v = 6; peek(&v); use(v); }").Value, 6);
}

TEST(Values, AnyWayToChangeTheLocalMakesItUnknown) {
  EXPECT_EQ(valueAtUse("void f(int c) { int v = 6; if (c) v = 0; use(v); }").Value,
            std::nullopt);
  EXPECT_EQ(valueAtUse("void f(void) { int v = 6; v++; use(v); }").Value,
            std::nullopt);
  EXPECT_EQ(valueAtUse("void f(void) { int v = 6; fill(&v); use(v); }").Value,
            std::nullopt);
  EXPECT_EQ(valueAtUse("void f(void) { int v = 6; int *p = &v; *p = 1; use(v); }").Value,
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

} // namespace
