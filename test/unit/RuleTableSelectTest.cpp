// Choosing rules as clang-tidy chooses checks, and the built-in table.
#include "TestSupport.h"
#include "engine/Config.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

using namespace sctpify;
using llvm::StringRef;
using sctpify::test::RuleWords;
using sctpify::test::tableFrom;

namespace {

// --- select() ---

RuleTable selectable() {
  std::string Doc = "rules:\n";
  for (StringRef Id : {"sctp-socket-protocol", "sctp-socket-other",
                       "sctp-option-nodelay", "sctp-oob-send"})
    Doc += "  - id: " + Id.str() + "\n    kind: flag\n    match: f($a)\n" +
           RuleWords;
  return tableFrom(Doc);
}

std::vector<std::string> selected(StringRef Enable, StringRef Disable = "") {
  RuleTable T = selectable();
  T.select(Enable, Disable);
  std::vector<std::string> Ids;
  for (const Rule &R : T.rules())
    Ids.push_back(R.Id);
  return Ids;
}

using Ids = std::vector<std::string>;

TEST(RuleTableSelect, GlobsSelectLikeClangTidyChecks) {
  EXPECT_EQ(selected("-*,sctp-socket-*"),
            (Ids{"sctp-socket-protocol", "sctp-socket-other"}));
  EXPECT_EQ(selected("sctp-oob-send"), (Ids{"sctp-oob-send"}));
  EXPECT_EQ(selected("*,-sctp-socket-*"),
            (Ids{"sctp-option-nodelay", "sctp-oob-send"}));
  EXPECT_EQ(selected(" sctp-option-* , sctp-oob-*"),
            (Ids{"sctp-option-nodelay", "sctp-oob-send"}));
}

TEST(RuleTableSelect, LaterGlobsWin) {
  EXPECT_EQ(selected("sctp-socket-*,-*"), Ids{});
  EXPECT_EQ(
      selected("-*,sctp-*,-sctp-socket-other"),
      (Ids{"sctp-socket-protocol", "sctp-option-nodelay", "sctp-oob-send"}));
}

TEST(RuleTableSelect, AnEmptyEnableSelectsEverything) {
  EXPECT_EQ(selected("").size(), 4u);
  EXPECT_EQ(selected("  ").size(), 4u);
}

TEST(RuleTableSelect, DisableRemovesWhatItSelects) {
  EXPECT_EQ(selected("", "sctp-socket-*,sctp-oob-send"),
            (Ids{"sctp-option-nodelay"}));
  EXPECT_EQ(selected("-*,sctp-socket-*", "sctp-socket-other"),
            (Ids{"sctp-socket-protocol"}));
  EXPECT_EQ(selected("", "").size(), 4u);
}

// --- The built-in table ---

TEST(RuleTableBuiltin, LoadsAndResolvesWithNoError) {
  llvm::Expected<RuleTable> T = RuleTable::builtin();
  ASSERT_TRUE(bool(T)) << llvm::toString(T.takeError());
  llvm::Error E = T->resolve();
  ASSERT_FALSE(bool(E)) << llvm::toString(std::move(E));
  EXPECT_GT(T->rules().size(), 40u);
  for (const Rule &R : T->rules()) {
    EXPECT_TRUE(StringRef(R.Id).starts_with("sctp-")) << R.Id;
    EXPECT_TRUE(StringRef(R.Origin).starts_with("<builtin>/rules/"))
        << R.Origin;
  }
  const Rule *Socket = T->find("sctp-socket-protocol");
  ASSERT_NE(Socket, nullptr);
  EXPECT_TRUE(Socket->YieldsDescriptor);
  EXPECT_NE(Socket->runTimeFormFor(0), nullptr);
  EXPECT_EQ(T->find("sctp-no-such-rule"), nullptr);
}

TEST(RuleTableBuiltin, TheTCPFallbackModeLoadsOverIt) {
  llvm::Expected<RuleTable> T = RuleTable::builtin();
  ASSERT_TRUE(bool(T)) << llvm::toString(T.takeError());
  llvm::Error E = T->addMode("fallback-tcp");
  ASSERT_FALSE(bool(E)) << llvm::toString(std::move(E));
  E = T->resolve();
  ASSERT_FALSE(bool(E)) << llvm::toString(std::move(E));
  // Its socket rule replaces the built-in one; its own rules come after.
  const Rule *Socket = T->find("sctp-socket-protocol");
  ASSERT_NE(Socket, nullptr);
  EXPECT_TRUE(Socket->YieldsDescriptor);
  EXPECT_TRUE(Socket->YieldsMixed);
  EXPECT_EQ(Socket->Origin, "<builtin>/rules/modes/fallback-tcp.yaml");
  EXPECT_EQ(Socket->replacementFor(0)->text(),
            "sctpify_fallback_socket($domain, $type, $protocol)");
  for (StringRef Id : {"sctp-fallback-connect", "sctp-fallback-getsockopt",
                       "sctp-fallback-setsockopt", "sctp-fallback-bind",
                       "sctp-fallback-listen", "sctp-fallback-accept",
                       "sctp-fallback-accept4", "sctp-fallback-epoll-ctl",
                       "sctp-fallback-close"}) {
    const Rule *R = T->find(Id);
    ASSERT_NE(R, nullptr) << Id.str();
    EXPECT_EQ(R->Descriptor, "fd") << Id.str();
    EXPECT_TRUE(R->DescriptorMixedOnly) << Id.str();
  }
  EXPECT_NE(T->find("sctp-option-nodelay"), nullptr);
  // An SCTP socket the program asks for itself stays a converted one.
  const Rule *Sctp = T->find("sctp-fallback-sctp-socket");
  ASSERT_NE(Sctp, nullptr);
  EXPECT_TRUE(Sctp->YieldsDescriptor);
  EXPECT_FALSE(Sctp->YieldsMixed);
  llvm::Error Bad = T->addMode("fallback-udp");
  ASSERT_TRUE(bool(Bad));
  EXPECT_EQ(llvm::toString(std::move(Bad)),
            "no porting mode 'fallback-udp' (there are: fallback-tcp)");
}

TEST(RuleTableBuiltin, EmbedsEveryRuleFile) {
  std::vector<std::string> Names;
  for (const auto &[Name, Text] : embeddedRuleFiles()) {
    Names.push_back(llvm::sys::path::filename(Name).str());
    EXPECT_FALSE(Text.empty()) << Name.str();
  }
  for (StringRef Expected : {"constants.yaml", "socket.yaml", "options.yaml",
                             "hazards.yaml", "wording.yaml"})
    EXPECT_TRUE(llvm::is_contained(Names, Expected)) << Expected.str();
}

} // namespace

// Found by test/fuzz: "-" (from `disable: '--'` or `enable: 'x,-'`) names no
// rule, and kept it printed as an empty glob --dump-config could not read.
TEST(RuleSelection, GlobsThatNameNothingAreDropped) {
  std::vector<std::string> Checks;
  addChecks(Checks, "a*, -,,  , - d", /*Negate=*/false);
  addChecks(Checks, "--, -, b, -c, - e, ---", /*Negate=*/true);
  EXPECT_EQ(Checks,
            (std::vector<std::string>{"a*", "-d", "-b", "c", "e"}));
}

// `fallback:` names a mode; --dump-config prints it (none by default) and
// reads it back; a nearer configuration's word wins.
TEST(ConfigFallback, IsAModeAndRoundTrips) {
  llvm::Expected<Config> C = parseConfig("fallback: tcp\n", "/p/.sctpify.yaml");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->Fallback, std::optional<std::string>("tcp"));
  auto Printed = [](const Config &Of) {
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    Config().then(Of).print(OS, "/p");
    return Out;
  };
  // The value of the printed `fallback:` line (YAML I/O aligns values).
  auto PrintedMode = [&](const Config &Of) {
    std::string Out = Printed(Of);
    size_t At = Out.find("\nfallback:");
    if (At == std::string::npos)
      return std::string("(none printed)");
    StringRef Line = StringRef(Out).substr(At + 10);
    return Line.take_until([](char Ch) { return Ch == '\n'; }).trim().str();
  };
  EXPECT_EQ(PrintedMode(*C), "tcp");
  EXPECT_EQ(PrintedMode(Config()), "none");
  llvm::Expected<Config> Again = parseConfig(Printed(*C), "/p/.sctpify.yaml");
  ASSERT_TRUE(bool(Again)) << llvm::toString(Again.takeError());
  EXPECT_EQ(Again->Fallback, C->Fallback);
  Config Nearer;
  Nearer.Fallback = "none";
  EXPECT_EQ(C->then(Nearer).Fallback, std::optional<std::string>("none"));
  EXPECT_EQ(C->then(Config()).Fallback, std::optional<std::string>("tcp"));
  llvm::Expected<Config> Bad = parseConfig("fallback: udp\n", "/p/.sctpify.yaml");
  ASSERT_FALSE(bool(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError())
                .find("fallback is one of none, tcp, not 'udp'"),
            std::string::npos);
  EXPECT_TRUE(isFallbackMode("tcp"));
  EXPECT_TRUE(isFallbackMode("none"));
  EXPECT_FALSE(isFallbackMode("fallback-tcp"));
}
