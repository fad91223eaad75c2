//===- Outputs.cpp --------------------------------------------------------===//
#include "Outputs.h"
#include "CommandLine.h"
#include "output/InPlaceWrite.h"
#include "engine/Paths.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include <cstdlib>
#include <map>
#include <set>
#include <unistd.h>

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

unsigned ErrorLog::failedFiles(ArrayRef<std::string> Outputs) const {
  std::set<StringRef> Files;
  for (const auto &[File, Message] : Errors)
    if (!File.empty() && !llvm::is_contained(Outputs, File))
      Files.insert(File);
  return Files.size();
}

void addMergeErrors(ErrorLog &Errors, const MergedRun &Run) {
  for (const std::string &File : Run.FailedFiles)
    Errors.add(File, "could not process '" + File + "'; it is left unchanged");
  for (const std::string &File : Run.Conflicts)
    Errors.add(File, "'" + File + "' is left unchanged: " +
                         Run.ConflictReasons.at(File));
}

/// Writes straight into Path, for what a rename must not replace.
static Error writeInPlace(StringRef Path,
                          const std::function<void(raw_ostream &)> &Write) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_None);
  if (EC)
    return createFileError(Path, EC);
  Write(OS);
  OS.close();
  if (OS.has_error()) {
    EC = OS.error();
    OS.clear_error();
    return createFileError(Path, EC);
  }
  return Error::success();
}

Error writeFileAtomically(StringRef Path,
                          const std::function<void(raw_ostream &)> &Write) {
  // A fixes or report file in a directory of its own (fixes/shard-3.yaml,
  // an editor's scratch directory) should not need a mkdir first.
  StringRef Parent = sys::path::parent_path(Path);
  if (!Parent.empty())
    if (std::error_code EC = sys::fs::create_directories(Parent))
      return createFileError(Path, EC);
  SmallString<256> Target(Path);
  sys::fs::file_status Status; // of what a symbolic link points to
  if (!sys::fs::status(Path, Status)) {
    if (Status.type() == sys::fs::file_type::directory_file)
      return createFileError(Path, std::make_error_code(std::errc::is_a_directory));
    if (Status.type() != sys::fs::file_type::regular_file)
      return writeInPlace(Path, Write);
    // The rename replaces the link's target, not the link.
    SmallString<256> Real;
    if (!sys::fs::real_path(Path, Real))
      Target = Real;
  } else if (sys::fs::is_symlink_file(Path)) {
    // A dangling link: the file it names is created, the link kept.
    char Link[4096];
    ssize_t Length = ::readlink(Target.c_str(), Link, sizeof Link);
    if (Length > 0 && size_t(Length) < sizeof Link) {
      StringRef To(Link, Length);
      Target = sys::path::is_absolute(To) ? StringRef() : sys::path::parent_path(Path);
      sys::path::append(Target, To);
    }
  }
  Expected<sys::fs::TempFile> Temp = createTemporaryFor(Target);
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
  if (Error E = Temp->keep(Target)) {
    consumeError(Temp->discard());
    return createFileError(Path, std::move(E));
  }
  return Error::success();
}

void warnStrayTemporaries(const std::set<std::string> &Files) {
  // Each directory is listed once, however many of its files the run read.
  std::map<std::string, std::set<StringRef>> ByDirectory;
  for (const std::string &File : Files)
    ByDirectory[sys::path::parent_path(File).str()].insert(
        sys::path::filename(File));
  for (const auto &[Directory, Names] : ByDirectory) {
    std::vector<std::string> Strays;
    std::error_code EC;
    for (sys::fs::directory_iterator It(Directory.empty() ? "." : Directory, EC),
         End;
         It != End && !EC; It.increment(EC)) {
      StringRef Name = sys::path::filename(It->path());
      size_t At = Name.rfind(".sctpify-");
      if (At != StringRef::npos && Names.count(Name.take_front(At)))
        Strays.push_back(It->path());
    }
    llvm::sort(Strays);
    for (const std::string &Stray : Strays)
      WithColor::warning(errs(), "sctpify")
          << "'" << Stray << "' is a temporary file left by an interrupted "
          << "sctpify run; delete it\n";
  }
}

int finishOutput(int Status) {
  outs().flush();
  bool Failed = false;
  if (outs().has_error()) {
    std::error_code EC = outs().error();
    outs().clear_error();
    WithColor::error(errs(), "sctpify")
        << "could not write to standard output: " << EC.message() << "\n";
    Failed = true;
  }
  // Diagnostics that could not be written: nothing more can be said.
  if (errs().has_error()) {
    errs().clear_error();
    Failed = true;
  }
  return Failed && Status != 3 ? 2 : Status;
}

void checkOutputAtExit() {
  // Constructed before the handler is registered, so destroyed after it.
  outs();
  errs();
  std::atexit([] {
    if (int Status = finishOutput(0))
      std::_Exit(Status);
  });
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
  // The same findings mean another port in another mode: say which.
  for (const std::string &Mode : S.FallbackModes)
    OS << "; " << StringRef(Mode).upper() << " fallback";
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
