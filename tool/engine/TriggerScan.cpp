//===- TriggerScan.cpp ----------------------------------------------------===//
#include "engine/TriggerScan.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using clang::tooling::dependencies::DependencyScanningWorkerFilesystem;

namespace sctpify {

Triggers Triggers::of(const RuleTable &Rules) {
  Triggers Result;
  auto Last = [](llvm::StringRef Name) {
    size_t Colons = Name.rfind("::");
    return Colons == llvm::StringRef::npos ? Name : Name.drop_front(Colons + 2);
  };
  for (const Rule &R : Rules.rules())
    for (const ParsedPattern &P : R.Patterns) {
      if (P.Call)
        Result.Calls.insert(Last(P.Call->Callee));
      if (P.Type)
        Result.Types.insert(Last(P.Type->Name));
      if (P.Comparison)
        Result.Members.insert(P.Comparison->Member);
    }
  return Result;
}

namespace {

/// One file straight from disk, every other one through the scan cache.
class UncachedMainFile : public llvm::vfs::ProxyFileSystem {
public:
  UncachedMainFile(llvm::IntrusiveRefCntPtr<FileSystem> Cached,
                   llvm::StringRef Main)
      : ProxyFileSystem(std::move(Cached)),
        Disk(llvm::vfs::createPhysicalFileSystem()), Main(Main) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    return isMain(Path) ? Disk->status(Path) : ProxyFileSystem::status(Path);
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    return isMain(Path) ? Disk->openFileForRead(Path)
                        : ProxyFileSystem::openFileForRead(Path);
  }
  // The cache's exists() and realpath read and keep the file too.
  bool exists(const llvm::Twine &Path) override {
    return isMain(Path) ? Disk->exists(Path) : ProxyFileSystem::exists(Path);
  }
  std::error_code getRealPath(const llvm::Twine &Path,
                              llvm::SmallVectorImpl<char> &Output) override {
    return isMain(Path) ? Disk->getRealPath(Path, Output)
                        : ProxyFileSystem::getRealPath(Path, Output);
  }
  std::error_code setCurrentWorkingDirectory(const llvm::Twine &Dir) override {
    Disk->setCurrentWorkingDirectory(Dir);
    return ProxyFileSystem::setCurrentWorkingDirectory(Dir);
  }

private:
  bool isMain(const llvm::Twine &Path) {
    llvm::SmallString<256> Absolute;
    llvm::StringRef Name = Path.toStringRef(Absolute);
    // Header search asks about thousands of paths: compare names first.
    if (llvm::sys::path::filename(Name) != llvm::sys::path::filename(Main))
      return false;
    if (Name.data() != Absolute.data())
      Absolute = Name;
    if (Disk->makeAbsolute(Absolute))
      return false;
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    return Absolute == Main;
  }

  llvm::IntrusiveRefCntPtr<FileSystem> Disk;
  std::string Main;
};

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> ScanFiles::forOneScan(
    llvm::StringRef MainFile, llvm::StringRef Directory,
    llvm::IntrusiveRefCntPtr<DependencyScanningWorkerFilesystem> &Files) {
  Files = llvm::makeIntrusiveRefCnt<DependencyScanningWorkerFilesystem>(
      Shared, llvm::vfs::createPhysicalFileSystem());
  llvm::SmallString<256> Main(MainFile);
  llvm::sys::fs::make_absolute(Directory, Main);
  llvm::sys::path::remove_dots(Main, /*remove_dot_dot=*/true);
  return llvm::makeIntrusiveRefCnt<UncachedMainFile>(Files, Main);
}

namespace {

bool isUnderAny(llvm::StringRef Path, const std::vector<std::string> &Dirs) {
  for (llvm::StringRef Dir : Dirs)
    if (Path.starts_with(Dir) && Path.size() > Dir.size() &&
        Path[Dir.size()] == '/')
      return true;
  return false;
}

class TriggerScanAction : public PreprocessorFrontendAction {
public:
  TriggerScanAction(const Triggers &Wanted,
                    DependencyScanningWorkerFilesystem &Files, bool &Found)
      : Wanted(Wanted), Files(Files), Found(Found) {}

  void ExecuteAction() override {
    Preprocessor &PP = getCompilerInstance().getPreprocessor();
    readSystemHeadersAsDirectives(PP);
    SourceManager &SM = PP.getSourceManager();
    auto InProjectCode = [&](const Token &Tok) {
      return !SM.isInSystemHeader(SM.getExpansionLoc(Tok.getLocation()));
    };

    PP.EnterMainSourceFile();
    Token Tok, Previous;
    Previous.startToken();
    bool CallNameBefore = false, CallNameInParens = false;
    do {
      PP.Lex(Tok);
      if ((CallNameBefore && Tok.is(tok::l_paren)) ||
          (CallNameInParens && Tok.is(tok::r_paren))) {
        Found = true;
        return;
      }
      bool OpenParenBefore = Previous.is(tok::l_paren);
      CallNameBefore = CallNameInParens = false;
      if (Tok.is(tok::identifier)) {
        llvm::StringRef Name = Tok.getIdentifierInfo()->getName();
        bool AfterMemberAccess = Previous.isOneOf(tok::period, tok::arrow);
        if ((Wanted.Types.contains(Name) ||
             (AfterMemberAccess && Wanted.Members.contains(Name))) &&
            InProjectCode(Tok)) {
          Found = true;
          return;
        }
        CallNameBefore = !AfterMemberAccess && Wanted.Calls.contains(Name) &&
                         InProjectCode(Tok);
        CallNameInParens = CallNameBefore && OpenParenBefore;
      }
      Previous = Tok;
    } while (Tok.isNot(tok::eof));
  }

  void EndSourceFileAction() override {
    // Let the full parse report what went wrong, once.
    if (getCompilerInstance().getDiagnostics().hasErrorOccurred())
      Found = true;
  }

private:
  /// No rule looks at a token spelled in a system header, so those headers
  /// only need their macros and includes.
  void readSystemHeadersAsDirectives(Preprocessor &PP) {
    HeaderSearch &Search = PP.getHeaderSearchInfo();
    std::vector<std::string> SystemDirs;
    for (auto It = Search.system_dir_begin(); It != Search.system_dir_end();
         ++It)
      if (OptionalDirectoryEntryRef Dir = It->getDirRef())
        SystemDirs.push_back(Dir->getName().rtrim('/').str());
    PP.getPreprocessorOpts().DependencyDirectivesForFile =
        [this, SystemDirs = std::move(SystemDirs)](FileEntryRef File)
        -> std::optional<
            llvm::ArrayRef<dependency_directives_scan::Directive>> {
      if (!isUnderAny(File.getName(), SystemDirs))
        return std::nullopt;
      auto Entry = Files.getOrCreateFileSystemEntry(File.getName());
      if (!Entry || !Files.ensureDirectiveTokensArePopulated(*Entry))
        return std::nullopt; // lexed in full
      return Entry->getDirectiveTokens();
    };
  }

  const Triggers &Wanted;
  DependencyScanningWorkerFilesystem &Files;
  bool &Found;
};

class TriggerScanFactory : public tooling::FrontendActionFactory {
public:
  TriggerScanFactory(const Triggers &Wanted,
                     DependencyScanningWorkerFilesystem &Files, bool &Found)
      : Wanted(Wanted), Files(Files), Found(Found) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<TriggerScanAction>(Wanted, Files, Found);
  }

private:
  const Triggers &Wanted;
  DependencyScanningWorkerFilesystem &Files;
  bool &Found;
};

} // namespace

std::unique_ptr<tooling::FrontendActionFactory>
newTriggerScanFactory(const Triggers &Wanted,
                      DependencyScanningWorkerFilesystem &Files,
                      bool &MayNeedPorting) {
  return std::make_unique<TriggerScanFactory>(Wanted, Files, MayNeedPorting);
}

} // namespace sctpify
