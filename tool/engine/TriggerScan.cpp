//===- TriggerScan.cpp ----------------------------------------------------===//
#include "engine/TriggerScan.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang;

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

std::optional<llvm::ArrayRef<dependency_directives_scan::Directive>>
SystemHeaderDirectives::of(FileEntryRef File) {
  std::lock_guard<std::mutex> Guard(Lock);
  std::unique_ptr<Scanned> &Entry = ByPath[File.getName()];
  if (!Entry) {
    Entry = std::make_unique<Scanned>();
    if (auto Buffer = llvm::MemoryBuffer::getFile(File.getName()))
      Entry->Usable = !scanSourceForDependencyDirectives(
          (*Buffer)->getBuffer(), Entry->Tokens, Entry->Directives);
  }
  if (!Entry->Usable)
    return std::nullopt;
  return llvm::ArrayRef(Entry->Directives);
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
  TriggerScanAction(const Triggers &Wanted, SystemHeaderDirectives &Cache,
                    bool &Found)
      : Wanted(Wanted), Cache(Cache), Found(Found) {}

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
      return Cache.of(File);
    };
  }

  const Triggers &Wanted;
  SystemHeaderDirectives &Cache;
  bool &Found;
};

class TriggerScanFactory : public tooling::FrontendActionFactory {
public:
  TriggerScanFactory(const Triggers &Wanted, SystemHeaderDirectives &Cache,
                     bool &Found)
      : Wanted(Wanted), Cache(Cache), Found(Found) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<TriggerScanAction>(Wanted, Cache, Found);
  }

private:
  const Triggers &Wanted;
  SystemHeaderDirectives &Cache;
  bool &Found;
};

} // namespace

std::unique_ptr<tooling::FrontendActionFactory>
newTriggerScanFactory(const Triggers &Wanted, SystemHeaderDirectives &Cache,
                      bool &MayNeedPorting) {
  return std::make_unique<TriggerScanFactory>(Wanted, Cache, MayNeedPorting);
}

} // namespace sctpify
