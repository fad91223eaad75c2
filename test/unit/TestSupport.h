//===- TestSupport.h - Small helpers shared by the unit tests ---*- C++ -*-===//
//
// A rule table from YAML text, a C (or C++) AST from code, and the calls in
// it by name: enough to run one engine unit on a few lines of code without a
// compilation database or system headers.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_TEST_UNIT_TESTSUPPORT_H
#define SCTPIFY_TEST_UNIT_TESTSUPPORT_H

#include "engine/RuleTable.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>
#include <vector>

namespace sctpify::test {

/// A rule table from one YAML document, resolved; an empty table (and a
/// test failure naming the problem) when it does not load.
inline RuleTable tableFrom(llvm::StringRef YAML) {
  RuleTable Table;
  if (llvm::Error E = Table.addYAML(YAML, "test.yaml")) {
    ADD_FAILURE() << llvm::toString(std::move(E));
    return RuleTable();
  }
  if (llvm::Error E = Table.resolve()) {
    ADD_FAILURE() << llvm::toString(std::move(E));
    return RuleTable();
  }
  return Table;
}

/// The error text addYAML + resolve() give for YAML, or "" when it loads.
inline std::string loadError(llvm::StringRef YAML,
                             llvm::StringRef Origin = "test.yaml") {
  RuleTable Table;
  if (llvm::Error E = Table.addYAML(YAML, Origin))
    return llvm::toString(std::move(E));
  if (llvm::Error E = Table.resolve())
    return llvm::toString(std::move(E));
  return "";
}

/// The fields every rule needs but no test is about (four-space indent).
inline constexpr const char *RuleWords = "    summary: s\n"
                                         "    message: m\n"
                                         "    suggestion: g\n"
                                         "    reference: r\n"
                                         "    example: {before: b, after: a}\n";

/// Constants the rule-table tests name.
inline const std::string RuleConstants =
    "constants: {AF_INET: 2, AF_UNIX: 1, SOCK_STREAM: 1, IPPROTO_TCP: 6, "
    "IPPROTO_SCTP: 132, TCP_NODELAY: 1, MSG_OOB: 1}\n";

/// A document with one rule: Id, then Fields (indented four spaces), then
/// RuleWords unless a test leaves them out.
inline std::string oneRule(llvm::StringRef Id, llvm::StringRef Fields,
                           bool WithWords = true, llvm::StringRef Before = "") {
  return RuleConstants + Before.str() + "rules:\n  - id: " + Id.str() + "\n" +
         Fields.str() + (WithWords ? RuleWords : "");
}

/// Asserts that the error names the file, the rule and What.
inline void expectRuleError(const std::string &Error, llvm::StringRef Id,
                            llvm::StringRef What) {
  EXPECT_NE(Error.find(("test.yaml: rule '" + Id + "': ").str()),
            std::string::npos)
      << Error;
  EXPECT_NE(Error.find(What.str()), std::string::npos)
      << "expected \"" << What.str() << "\" in:\n"
      << Error;
}

/// A socket() rule as rules/socket.yaml writes it, a descriptor rule, and
/// the descriptor sources, over Linux values. Without RunTime, the socket
/// rule has no at-run-time form.
inline std::string socketRules(bool RunTime = true) {
  std::string Doc =
      R"(constants: {AF_UNIX: 1, AF_INET: 2, AF_INET6: 10, SOCK_STREAM: 1,
            SOCK_DGRAM: 2, SOCK_NONBLOCK: 2048, SOCK_CLOEXEC: 524288,
            IPPROTO_TCP: 6, IPPROTO_SCTP: 132, SOL_SOCKET: 1, TCP_NODELAY: 1}
descriptor-sources: {never-converted: [pipe, open, socketpair]}
helpers:
  sctpify_socket:
    code: "static inline int sctpify_socket(int d, int t, int p) { return socket(d, t, p); }"
rules:
  - id: sctp-socket-protocol
    kind: rewrite
    match: socket($domain, $type, $protocol)
    where:
      - $domain == AF_INET || $domain == AF_INET6
      - ($type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) == SOCK_STREAM
      - $protocol == 0 || $protocol == IPPROTO_TCP
    replace: socket($domain, $type, IPPROTO_SCTP)
    yields-descriptor: true
)";
  if (RunTime)
    Doc += "    at-run-time: sctpify_socket($domain, $type, $protocol)\n";
  Doc += RuleWords;
  Doc += R"(  - id: sctp-option-nodelay
    kind: flag
    match: setsockopt($fd, IPPROTO_TCP, TCP_NODELAY, ...)
    descriptor: $fd
)";
  Doc += RuleWords;
  return Doc;
}

/// Declarations a socket program gets from its headers, without the headers.
inline constexpr const char *SocketPrelude = R"c(
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_NONBLOCK 2048
#define SOCK_CLOEXEC 524288
#define IPPROTO_TCP 6
#define IPPROTO_SCTP 132
#define SOL_SOCKET 1
#define TCP_NODELAY 1
int socket(int, int, int);
int socketpair(int, int, int, int *);
int pipe(int *);
int open(const char *, int, ...);
int setsockopt(int, int, int, const void *, unsigned);
void use(int);
)c";

/// Parses SocketPrelude + Code as C11 (or C++17, the prelude extern "C"),
/// or Code alone without the prelude.
inline std::unique_ptr<clang::ASTUnit>
parse(llvm::StringRef Code, bool CPlusPlus = false, bool Prelude = true) {
  std::string Text = Prelude ? SocketPrelude : "";
  if (CPlusPlus && Prelude)
    Text = "extern \"C\" {\n" + Text + "}\n";
  Text += Code.str();
  std::vector<std::string> Args =
      CPlusPlus ? std::vector<std::string>{"-xc++", "-std=c++17", "-w"}
                : std::vector<std::string>{"-xc", "-std=c11", "-w"};
  return clang::tooling::buildASTFromCodeWithArgs(
      Text, Args, CPlusPlus ? "input.cpp" : "input.c");
}

/// Every call to a function named Name, in source order.
inline std::vector<const clang::CallExpr *> callsTo(clang::ASTContext &Ctx,
                                                    llvm::StringRef Name) {
  struct Finder : clang::RecursiveASTVisitor<Finder> {
    llvm::StringRef Name;
    std::vector<const clang::CallExpr *> Calls;
    bool VisitCallExpr(clang::CallExpr *Call) {
      if (const clang::FunctionDecl *F = Call->getDirectCallee())
        if (F->getIdentifier() && F->getName() == Name)
          Calls.push_back(Call);
      return true;
    }
  } F;
  F.Name = Name;
  F.TraverseAST(Ctx);
  return F.Calls;
}

/// The one call to Name (a test failure if there is not exactly one).
inline const clang::CallExpr *onlyCallTo(clang::ASTContext &Ctx,
                                         llvm::StringRef Name) {
  std::vector<const clang::CallExpr *> Calls = callsTo(Ctx, Name);
  EXPECT_EQ(Calls.size(), 1u) << "calls to " << Name.str();
  return Calls.empty() ? nullptr : Calls.front();
}

} // namespace sctpify::test

#endif
