// Where a descriptor's value comes from: following a local back through its
// assignments, the calls that fill it and the program's own functions to
// the calls the rule table classifies.
#include "engine/DescriptorOrigin.h"
#include "TestSupport.h"
#include "engine/Matcher.h"

using namespace sctpify;
using namespace sctpify::test;
using namespace clang;
using llvm::StringRef;

namespace {

/// The origin of the argument of the last `use(...)` in Code, classified by
/// the rules of socketRules().
Origin originAtUse(StringRef Code, bool RunTime = true) {
  std::unique_ptr<ASTUnit> AST = parse(Code);
  RuleTable Rules = tableFrom(socketRules(RunTime));
  LocalFacts Locals;
  ValueReader Values(AST->getASTContext(), Locals);
  Matcher M(Rules, Values);
  DescriptorOrigins Origins(
      AST->getSourceManager(), Locals, Values,
      [&](const CallExpr *C) { return M.classifySource(C); });
  std::vector<const CallExpr *> Uses = callsTo(AST->getASTContext(), "use");
  if (Uses.empty()) {
    ADD_FAILURE() << "no use() in the code";
    return Origin::Unknown;
  }
  Origin First = Origins.of(Uses.back()->getArg(0));
  // Asked again (the answers are cached), it says the same.
  EXPECT_EQ(Origins.of(Uses.back()->getArg(0)), First);
  return First;
}

const char *Names[] = {"Unknown", "Converted", "NotConverted", "Mixed"};
std::string name(Origin O) { return Names[static_cast<int>(O)]; }

#define EXPECT_ORIGIN(Code, Expected)                                          \
  EXPECT_EQ(name(originAtUse(Code)), name(Expected))

TEST(DescriptorOrigin, ALocalInitialisedFromSocket) {
  EXPECT_ORIGIN("void f(void) { int fd = socket(AF_INET, SOCK_STREAM, 0); "
                "use(fd); }",
                Origin::Converted);
  EXPECT_ORIGIN("void f(void) { int fd = socket(AF_UNIX, SOCK_STREAM, 0); "
                "use(fd); }",
                Origin::NotConverted);
}

TEST(DescriptorOrigin, TheCallItselfAsTheDescriptor) {
  EXPECT_ORIGIN("void f(void) { use(socket(AF_INET, SOCK_STREAM, 0)); }",
                Origin::Converted);
}

TEST(DescriptorOrigin, MinusOneIsNoDescriptorYet) {
  // `int fd = -1;` then the socket: only the socket is ever a descriptor.
  EXPECT_ORIGIN("void f(void) { int fd = -1; fd = socket(AF_INET, "
                "SOCK_STREAM, 0); use(fd); }",
                Origin::Converted);
  EXPECT_ORIGIN("void f(int c) { int fd = -1; if (c) fd = socket(AF_INET, "
                "SOCK_STREAM, 0); use(fd); }",
                Origin::Converted);
}

TEST(DescriptorOrigin, AnArrayFilledByPipeIsNotConverted) {
  EXPECT_ORIGIN("void f(void) { int fds[2]; pipe(fds); use(fds[0]); }",
                Origin::NotConverted);
  EXPECT_ORIGIN("void f(void) { int fds[2]; pipe(fds); int in = fds[0]; "
                "use(in); }",
                Origin::NotConverted);
  EXPECT_ORIGIN("void f(void) { int sv[2]; socketpair(AF_UNIX, SOCK_STREAM, "
                "0, sv); use(sv[1]); }",
                Origin::NotConverted);
}

TEST(DescriptorOrigin, AVariableFilledByAnUnknownCallIsUnknown) {
  EXPECT_ORIGIN("void make(int *); void f(void) { int fd; make(&fd); "
                "use(fd); }",
                Origin::Unknown);
}

TEST(DescriptorOrigin, ThroughOtherLocals) {
  EXPECT_ORIGIN("void f(void) { int s = socket(AF_INET6, SOCK_STREAM, 0); "
                "int fd; fd = s; use(fd); }",
                Origin::Converted);
}

TEST(DescriptorOrigin, ThroughAWrapperFunctionsReturn) {
  EXPECT_ORIGIN("static int listener(void) {\n"
                "  int fd = socket(AF_INET, SOCK_STREAM, 0);\n"
                "  if (fd < 0) return -1;\n"
                "  return fd;\n}\n"
                "void f(void) { int fd = listener(); use(fd); }",
                Origin::Converted);
  EXPECT_ORIGIN("static int local(void) { return socket(AF_UNIX, SOCK_STREAM, "
                "0); }\n"
                "void f(void) { use(local()); }",
                Origin::NotConverted);
}

TEST(DescriptorOrigin, AWrapperWithoutABodyHereIsUnknown) {
  EXPECT_ORIGIN("int elsewhere(void);\n"
                "void f(void) { int fd = elsewhere(); use(fd); }",
                Origin::Unknown);
}

TEST(DescriptorOrigin, AWrapperThatFillsAnArgumentIsUnknown) {
  // Only a returned value is followed into a function: what it stores
  // through a pointer could be anything.
  EXPECT_ORIGIN("static int fill(int *out) { *out = socket(AF_INET, "
                "SOCK_STREAM, 0); return 0; }\n"
                "void f(void) { int fd; fill(&fd); use(fd); }",
                Origin::Unknown);
}

TEST(DescriptorOrigin, RecursionIsUnknownNotAHang) {
  EXPECT_ORIGIN("static int again(int n) { return n ? again(n - 1) : "
                "again(n); }\n"
                "void f(void) { use(again(3)); }",
                Origin::Unknown);
  EXPECT_ORIGIN("static int pong(int);\n"
                "static int ping(int n) { return pong(n); }\n"
                "static int pong(int n) { return ping(n); }\n"
                "void f(void) { use(ping(1)); }",
                Origin::Unknown);
}

TEST(DescriptorOrigin, ACycleBetweenLocalsIsUnknown) {
  // Each is the other's only source: no call ever gives either a value.
  EXPECT_ORIGIN("void f(int c) { int a, b; if (c) a = b; else b = a; "
                "use(a); }",
                Origin::Unknown);
}

TEST(DescriptorOrigin, AParameterOrAGlobalIsUnknown) {
  EXPECT_ORIGIN("void f(int fd) { use(fd); }", Origin::Unknown);
  EXPECT_ORIGIN("int g; void f(void) { use(g); }", Origin::Unknown);
}

TEST(DescriptorOrigin, AChangeThatIsNoAssignmentIsUnknown) {
  EXPECT_ORIGIN("void f(void) { int fd = socket(AF_INET, SOCK_STREAM, 0); "
                "fd += 1; use(fd); }",
                Origin::Unknown);
}

TEST(DescriptorOrigin, MixedPaths) {
  EXPECT_ORIGIN("void f(int c) { int fd;\n"
                "  if (c) fd = socket(AF_INET, SOCK_STREAM, 0);\n"
                "  else fd = open(\"/dev/null\", 0);\n"
                "  use(fd); }",
                Origin::Mixed);
  EXPECT_ORIGIN("static int either(int c) {\n"
                "  if (c) return socket(AF_INET, SOCK_STREAM, 0);\n"
                "  return socket(AF_UNIX, SOCK_STREAM, 0);\n}\n"
                "void f(int c) { use(either(c)); }",
                Origin::Mixed);
}

TEST(DescriptorOrigin, MixedEvenWhenAnotherPathIsUnknown) {
  // Converted and not: a rewrite cannot be right on every path either way.
  EXPECT_ORIGIN("int other(void);\n"
                "void f(int c) { int fd;\n"
                "  if (c == 1) fd = socket(AF_INET, SOCK_STREAM, 0);\n"
                "  else if (c == 2) fd = open(\"/dev/null\", 0);\n"
                "  else fd = other();\n"
                "  use(fd); }",
                Origin::Mixed);
}

TEST(DescriptorOrigin, ConvertedAndUnknownIsUnknown) {
  EXPECT_ORIGIN("int other(void);\n"
                "void f(int c) { int fd;\n"
                "  if (c) fd = socket(AF_INET, SOCK_STREAM, 0);\n"
                "  else fd = other();\n"
                "  use(fd); }",
                Origin::Unknown);
}

TEST(DescriptorOrigin, ARunTimeSocketIsMixed) {
  EXPECT_ORIGIN("void f(int family) { int fd = socket(family, SOCK_STREAM, "
                "0); use(fd); }",
                Origin::Mixed);
  EXPECT_EQ(name(originAtUse("void f(int family) { int fd = socket(family, "
                             "SOCK_STREAM, 0); use(fd); }",
                             /*RunTime=*/false)),
            name(Origin::Unknown));
}

TEST(DescriptorOrigin, ThroughTheAtRunTimeHelper) {
  EXPECT_ORIGIN("static inline int sctpify_socket(int d, int t, int p) "
                "{ return socket(d, t, p); }\n"
                "void f(void) { int fd = sctpify_socket(AF_INET, "
                "SOCK_STREAM, 0); use(fd); }",
                Origin::Mixed);
}

} // namespace
