// The engine end to end: the built-in rules run by runRules over files on
// disk, merged by mergeResults, for the decisions only the running program
// can make (a socket whose family or type is a run-time value, and the
// options set on its descriptor).
#include "engine/Config.h"
#include "engine/Merge.h"
#include "engine/Runner.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace sctpify;
using llvm::StringRef;

namespace {

/// A temporary directory of C files, analysed with the built-in rules.
class Analysis : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    Settings = new TUSettings();
    llvm::Expected<RuleTable> Rules = RuleTable::builtin();
    ASSERT_TRUE(bool(Rules)) << llvm::toString(Rules.takeError());
    Settings->Rules = std::move(*Rules);
    llvm::Error E = Settings->Rules.resolve();
    ASSERT_FALSE(bool(E)) << llvm::toString(std::move(E));
  }
  static void TearDownTestSuite() {
    delete Settings;
    Settings = nullptr;
  }

  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("sctpify-analysis", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(StringRef Name, StringRef Text) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC) << EC.message();
    OS << Text;
    return std::string(Path);
  }

  /// runRules + mergeResults over File, compiled with Flags; a test failure
  /// if a TU fails.
  MergedRun run(const std::string &File,
                std::vector<std::string> Flags = {"-std=gnu11", "-w"}) {
    clang::tooling::FixedCompilationDatabase Database(Dir, Flags);
    RunOptions Options;
    Options.SourceRoot = std::string(Dir);
    Options.Jobs = 1;
    Options.SkipUnrelated = false;
    RunOutput Output = runRules(Database, {TUJob{File, Settings}}, Options);
    MergedRun Run = mergeResults(std::move(Output.TUs), nullptr);
    EXPECT_TRUE(Run.FailedFiles.empty()) << "clang could not parse " << File;
    EXPECT_TRUE(Run.Conflicts.empty());
    return Run;
  }

  /// File's text after the run's edits.
  std::string ported(const MergedRun &Run, StringRef Original) {
    if (Run.Edits.size() != 1) {
      ADD_FAILURE() << "edits in " << Run.Edits.size() << " files";
      return Original.str();
    }
    llvm::Expected<std::string> Text = clang::tooling::applyAllReplacements(
        Original, Run.Edits.begin()->second.Replacements);
    if (!Text) {
      ADD_FAILURE() << llvm::toString(Text.takeError());
      return Original.str();
    }
    return *Text;
  }

  static std::string findingsOf(const MergedRun &Run) {
    std::string Out;
    for (const Finding &F : Run.Findings)
      Out += F.ruleId() + " at line " + std::to_string(F.Line) + ": " +
             F.text() + "\n";
    return Out;
  }

  static TUSettings *Settings;
  llvm::SmallString<128> Dir;
};

TUSettings *Analysis::Settings = nullptr;

const char *RunTimeFamily = R"c(#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

int open_any(int family) {
  int fd = socket(family, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}
)c";

TEST_F(Analysis, ARunTimeSocketCallsTheHelperWhichIsAddedToTheFile) {
  std::string File = write("runtime.c", RunTimeFamily);
  MergedRun Run = run(File);
  std::string Text = ported(Run, RunTimeFamily);
  EXPECT_NE(Text.find("int fd = sctpify_socket(family, SOCK_STREAM, 0);"),
            std::string::npos)
      << Text;
  // The helper, guarded, before its first use, after the includes.
  size_t Guard = Text.find("#ifndef SCTPIFY_SOCKET_DEFINED");
  size_t Definition = Text.find("static inline int sctpify_socket(");
  size_t Use = Text.find("= sctpify_socket(");
  size_t LastInclude = Text.find("#include <netinet/tcp.h>");
  ASSERT_NE(Guard, std::string::npos) << Text;
  ASSERT_NE(Definition, std::string::npos) << Text;
  EXPECT_LT(LastInclude, Guard);
  EXPECT_LT(Guard, Definition);
  EXPECT_LT(Definition, Use);
  // One rewrite per call, and one copy of each helper.
  EXPECT_EQ(Run.Totals.Rewrites, 2u) << findingsOf(Run);
  EXPECT_EQ(StringRef(Text).count("#define SCTPIFY_SOCKET_DEFINED"), 1u);
}

TEST_F(Analysis, AnOptionOnADescriptorFromARunTimeSocketIsDecidedAtRunTime) {
  // fd holds an SCTP socket or a TCP one: only the helper can tell.
  std::string File = write("runtime.c", RunTimeFamily);
  MergedRun Run = run(File);
  std::string Text = ported(Run, RunTimeFamily);
  EXPECT_NE(Text.find("sctpify_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, "
                      "sizeof one);"),
            std::string::npos)
      << Text;
  // The helper it calls comes first, and SCTP_NODELAY's header with them.
  size_t IsSctp = Text.find("static inline int sctpify_is_sctp(");
  size_t SetOpt = Text.find("static inline int sctpify_setsockopt(");
  ASSERT_NE(IsSctp, std::string::npos) << Text;
  ASSERT_NE(SetOpt, std::string::npos) << Text;
  EXPECT_LT(IsSctp, SetOpt);
  EXPECT_NE(Text.find("#include <netinet/sctp.h>"), std::string::npos) << Text;
  bool Noted = llvm::any_of(Run.Findings, [](const Finding &F) {
    return F.ruleId() == "sctp-option-nodelay" && F.rewrites() &&
           StringRef(F.text()).contains("only known at run time");
  });
  EXPECT_TRUE(Noted) << findingsOf(Run);
}

TEST_F(Analysis, AnArgumentWithSideEffectsIsStillEvaluatedOnce) {
  // The at-run-time form passes each argument once: `families[i++]` must
  // not be copied into a condition and a call.
  const char *Code = R"c(#include <sys/socket.h>
#include <netinet/in.h>

int families[2] = {AF_INET, AF_INET6};
int next_type(void);

int open_next(int i) {
  return socket(families[i++], next_type(), 0);
}
)c";
  std::string File = write("effects.c", Code);
  MergedRun Run = run(File);
  std::string Text = ported(Run, Code);
  EXPECT_NE(Text.find("return sctpify_socket(families[i++], next_type(), 0);"),
            std::string::npos)
      << Text;
  EXPECT_EQ(StringRef(Text).count("i++"), 1u) << Text;
  EXPECT_EQ(StringRef(Text).count("next_type()"), 1u) << Text;
}

TEST_F(Analysis, ASecondRunOverThePortChangesNothing) {
  std::string File = write("runtime.c", RunTimeFamily);
  std::string Text = ported(run(File), RunTimeFamily);
  ASSERT_NE(Text, RunTimeFamily);
  write("runtime.c", Text);
  MergedRun Again = run(File);
  EXPECT_TRUE(Again.Edits.empty());
  for (const Finding &F : Again.Findings)
    EXPECT_TRUE(F.fixes().empty()) << findingsOf(Again);
}

TEST_F(Analysis, CallsInsideTheInsertedHelpersAreNotMatched) {
  // The helpers call socket() and setsockopt() at level IPPROTO_TCP with
  // run-time arguments: matched, they would be "ported" again, forever.
  std::string File = write("runtime.c", RunTimeFamily);
  std::string Text = ported(run(File), RunTimeFamily);
  write("runtime.c", Text);
  MergedRun Again = run(File);
  size_t HelpersEnd = Text.rfind("#endif");
  ASSERT_NE(HelpersEnd, std::string::npos);
  for (const Finding &F : Again.Findings)
    EXPECT_GT(F.offset(), HelpersEnd) << findingsOf(Again);
  EXPECT_TRUE(Again.Findings.empty()) << findingsOf(Again);
}

TEST_F(Analysis, KnownArgumentsArePortedInPlaceWithoutHelpers) {
  // The contrast: when the compiler knows the values, no run-time helper.
  const char *Code = R"c(#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

int open_tcp(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}
)c";
  std::string File = write("static.c", Code);
  MergedRun Run = run(File);
  std::string Text = ported(Run, Code);
  EXPECT_NE(Text.find("socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, "
                      "sizeof one)"),
            std::string::npos)
      << Text;
  EXPECT_EQ(Text.find("sctpify_"), std::string::npos) << Text;
}

TEST_F(Analysis, FortifiedLibraryFunctionsAreStillTheCLibrarys) {
  // Distributions build with -O2 -D_FORTIFY_SOURCE=2, where glibc's
  // <bits/socket2.h> gives recv() an inline body: it is still recv(2).
  const char *Code = R"c(#include <sys/socket.h>
#include <netinet/in.h>

void urgent(void) {
  int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
  char c;
  recv(fd, &c, 1, MSG_OOB);
}
)c";
  std::string File = write("urgent.c", Code);
  auto Flagged = [](const MergedRun &Run) {
    return llvm::any_of(Run.Findings, [](const Finding &F) {
      return F.ruleId() == "sctp-oob-recv";
    });
  };
  ASSERT_TRUE(Flagged(run(File))) << "without _FORTIFY_SOURCE";
  MergedRun Fortified =
      run(File, {"-std=gnu11", "-w", "-O2", "-D_FORTIFY_SOURCE=2"});
  // glibc's fortify wrappers are extern gnu_inline definitions: still the
  // C library's recv().
  EXPECT_TRUE(Flagged(Fortified)) << "with -O2 -D_FORTIFY_SOURCE=2";
  EXPECT_TRUE(Flagged(Fortified)) << findingsOf(Fortified);
}

} // namespace
