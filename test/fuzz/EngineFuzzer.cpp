//===- EngineFuzzer.cpp - libFuzzer target: the engine on C sources -------===//
//
// The engine runs on whatever a project's compile database names: code
// that does not parse, macros in odd places, calls with the wrong number
// of arguments. For any C source, runRules + mergeResults must end in a
// result (a failed TU is a result), the edits it keeps must apply to the
// text they were computed for (no overlap, no range past the end), and a
// second run over the port must change nothing.
// Each input is one file, input.c, in a directory made once per process,
// compiled as the examples are (-std=gnu11, system headers available).
//
//===----------------------------------------------------------------------===//
#include "engine/Config.h"
#include "engine/Merge.h"
#include "engine/Runner.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

using namespace sctpify;

static TUSettings *Settings;
static llvm::SmallString<128> Dir, File;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  llvm::Expected<RuleTable> Rules = RuleTable::builtin();
  if (!Rules) {
    llvm::errs() << llvm::toString(Rules.takeError()) << "\n";
    std::abort();
  }
  Settings = new TUSettings();
  Settings->Rules = std::move(*Rules);
  if (llvm::Error E = Settings->Rules.resolve()) {
    llvm::errs() << llvm::toString(std::move(E)) << "\n";
    std::abort();
  }
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("sctpify-fuzz", Dir)) {
    llvm::errs() << "cannot create a directory: " << EC.message() << "\n";
    std::abort();
  }
  File = Dir;
  llvm::sys::path::append(File, "input.c");
  std::atexit([] { llvm::sys::fs::remove_directories(Dir); });
  return 0;
}

/// Runs the engine over Text as input.c; the port of it, or nothing when
/// clang could not parse it or the run kept no edit for it.
static std::optional<std::string> port(llvm::StringRef Text) {
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    if (EC)
      std::abort();
    OS << Text;
  }
  clang::tooling::FixedCompilationDatabase Database(
      Dir, std::vector<std::string>{"-std=gnu11", "-w", "-ferror-limit=0"});
  RunOptions Options;
  Options.SourceRoot = std::string(Dir);
  Options.Jobs = 1;
  Options.SkipUnrelated = false;
  RunOutput Output =
      runRules(Database, {TUJob{std::string(File), Settings}}, Options);
  MergedRun Run = mergeResults(std::move(Output.TUs), nullptr);
  auto Edits = Run.Edits.find(std::string(File));
  if (!Run.FailedFiles.empty() || Edits == Run.Edits.end() ||
      llvm::is_contained(Run.Conflicts, File))
    return std::nullopt;
  llvm::Expected<std::string> Ported =
      clang::tooling::applyAllReplacements(Text, Edits->second.Replacements);
  if (!Ported) {
    llvm::errs() << "edits do not apply: "
                 << llvm::toString(Ported.takeError()) << "\n";
    std::abort();
  }
  return *Ported;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::optional<std::string> Ported = port(Text);
  if (!Ported || *Ported == Text)
    return 0;
  if (std::optional<std::string> Again = port(*Ported);
      Again && *Again != *Ported) {
    llvm::errs() << "a second run changes the port:\n" << *Ported
                 << "\n--- became ---\n" << *Again << "\n";
    std::abort();
  }
  return 0;
}
