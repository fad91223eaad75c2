//===- Outputs.cpp --------------------------------------------------------===//
#include "Outputs.h"
#include "CommandLine.h"
#include "output/InPlaceWrite.h"
#include "engine/Paths.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;

namespace sctpify {

void ErrorLog::add(StringRef File, const Twine &Message) {
  std::string Text = Message.str();
  WithColor::error(errs(), "sctpify") << Text << "\n";
  Errors.emplace_back(File.str(), std::move(Text));
}

void ErrorLog::add(Error E) {
  handleAllErrors(std::move(E), [&](const ErrorInfoBase &Info) {
    std::string File;
    if (Info.isA<FileError>())
      File = static_cast<const FileError &>(Info).getFileName().str();
    add(File, Info.message());
  });
}

Error writeFileAtomically(StringRef Path,
                          const std::function<void(raw_ostream &)> &Write) {
  // A fixes or report file in a directory of its own (fixes/shard-3.yaml,
  // an editor's scratch directory) should not need a mkdir first.
  StringRef Parent = sys::path::parent_path(Path);
  if (!Parent.empty())
    if (std::error_code EC = sys::fs::create_directories(Parent))
      return createFileError(Path, EC);
  Expected<sys::fs::TempFile> Temp = createTemporaryFor(Path);
  if (!Temp)
    return createFileError(Path, Temp.takeError());
  raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
  Write(OS);
  OS.flush();
  if (OS.has_error()) {
    std::error_code EC = OS.error();
    OS.clear_error();
    consumeError(Temp->discard());
    return createFileError(Path, EC);
  }
  if (Error E = Temp->keep(Path)) {
    consumeError(Temp->discard());
    return createFileError(Path, std::move(E));
  }
  return Error::success();
}

void printSummary(const Summary &S, bool Applied) {
  auto Plural = [](size_t N, StringRef One, StringRef Many) {
    return std::to_string(N) + " " + (N == 1 ? One : Many).str();
  };
  raw_ostream &OS = errs();
  OS << "sctpify: "
     << Plural(S.TranslationUnits, "translation unit", "translation units");
  if (S.Skipped)
    OS << " (" << S.Skipped << " skipped)";
  OS << ", " << S.Failed << " failed; "
     << Plural(S.Rewrites, "rewrite", "rewrites") << ", " << S.Reviews
     << " to review, " << Plural(S.Flags, "flag", "flags") << ", "
     << S.Suppressed << " suppressed";
  if (Applied)
    OS << "; " << Plural(S.FilesChanged, "file", "files") << " changed";
  OS << "\n";
  for (const auto &[Id, Count] : S.ByRule)
    OS << "  " << Id << ": " << Count << "\n";
  if (!S.ProjectRoot.empty())
    OS << "sctpify: project root " << S.ProjectRoot << " (" << S.ProjectRootFrom
       << ")\n";
  if (!S.OutsideProject.empty()) {
    bool One = S.OutsideProject.size() == 1;
    OS << "sctpify: " << Plural(S.OutsideProject.size(), "file", "files")
       << " outside the project had code to port and "
       << (One ? "was" : "were")
       << " left alone (--source-root or --header-filter takes "
       << (One ? "it" : "them") << " in):";
    for (size_t I = 0; I < S.OutsideProject.size() && I < 5; ++I)
      OS << (I ? ", " : " ") << S.OutsideProject[I];
    if (S.OutsideProject.size() > 5)
      OS << ", ...";
    OS << "\n";
  }
  if (!S.Errors.empty())
    OS << "sctpify: " << Plural(S.Errors.size(), "error", "errors")
       << "; exit status 2\n";
}

void printRules(const RuleTable &Rules, raw_ostream &OS) {
  size_t Width = 0;
  for (const Rule &R : Rules.rules())
    Width = std::max(Width, R.Id.size());
  for (const Rule &R : Rules.rules())
    OS << left_justify(R.Id, Width) << "  "
       << left_justify(R.Kind == RuleKind::Rewrite ? "rewrite" : "flag", 7)
       << "  " << R.Summary << "\n";
}

std::function<void(unsigned, unsigned, const TUResult &)>
progressPrinter(bool Progress) {
  std::string Here = normalizedPath(".") + "/";
  return [Progress, Here](unsigned Done, unsigned Total, const TUResult &TU) {
    if (Progress)
      errs() << "\r\x1b[K";
    errs() << TU.CompilerDiagnostics;
    StringRef Shown = TU.MainFile;
    Shown.consume_front(Here);
    if (Progress) {
      errs() << "[" << Done << "/" << Total << "] " << Shown;
      if (Done == Total)
        errs() << "\r\x1b[K";
    }
    errs().flush();
  };
}

void printCheckFailure(int Argc, const char **Argv) {
  std::string Command = "sctpify -i";
  for (int I = 1; I < Argc; ++I)
    if (StringRef(Argv[I]) != "--check" && StringRef(Argv[I]) != "--quiet")
      Command += " " + shellQuote(Argv[I]);
  // On a line of its own, so that it can be copied whole.
  errs() << "sctpify: --check failed; what it flags needs a person "
            "(docs/rules.md says what to do), and this ports the rest "
            "(review with --diff first):\n  "
         << Command << "\n";
}

} // namespace sctpify
