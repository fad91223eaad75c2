//===- Config.cpp ---------------------------------------------------------===//
#include "engine/Config.h"
#include "engine/Paths.h"
#include "engine/YAMLMaps.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"
#include <map>

using namespace llvm;

namespace {
/// The on-disk shape of .sctpify.yaml.
struct ConfigFile {
  std::optional<std::string> Enable, Disable, HeaderFilter;
  std::vector<std::string> Rules, Exclude, KeepLastIncludes;
  std::optional<bool> InheritParent;
  std::optional<std::string> FailOn, FlagOnly, Fallback;
  std::map<std::string, std::string> Severities;
};
} // namespace

namespace llvm::yaml {
template <> struct MappingTraits<ConfigFile> {
  static void mapping(IO &IO, ConfigFile &C) {
    IO.mapOptional("enable", C.Enable);
    IO.mapOptional("disable", C.Disable);
    IO.mapOptional("rules", C.Rules);
    IO.mapOptional("header-filter", C.HeaderFilter);
    IO.mapOptional("exclude", C.Exclude);
    IO.mapOptional("keep-last-includes", C.KeepLastIncludes);
    IO.mapOptional("inherit-parent", C.InheritParent);
    IO.mapOptional("fail-on", C.FailOn);
    IO.mapOptional("flag-only", C.FlagOnly);
    IO.mapOptional("severities", C.Severities);
    IO.mapOptional("fallback", C.Fallback);
  }
};

} // namespace llvm::yaml

namespace sctpify {

bool isFallbackMode(StringRef Word) {
  if (Word == "none")
    return true;
  return llvm::any_of(embeddedModeFiles(), [&](const auto &File) {
    return File.first == ("fallback-" + Word + ".yaml").str();
  });
}

std::string fallbackModes() {
  std::string Modes = "none";
  for (const auto &[File, Text] : embeddedModeFiles()) {
    StringRef Name = File;
    if (Name.consume_front("fallback-") && Name.consume_back(".yaml"))
      Modes += ", " + Name.str();
  }
  return Modes;
}

void addChecks(std::vector<std::string> &Checks, StringRef List, bool Negate) {
  SmallVector<StringRef> Globs;
  List.split(Globs, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Glob : Globs) {
    bool Removes = Glob.trim().consume_front("-");
    Glob = Glob.trim().drop_front(Removes ? 1 : 0).trim();
    // A glob still starting with '-' (or empty) can match no rule id; kept,
    // it printed as text --dump-config's reader took differently (found by
    // test/fuzz: "-", "--", "-- x").
    if (Glob.empty() || Glob.starts_with("-"))
      continue;
    // --disable=-x re-enables x.
    Checks.push_back((Removes != Negate ? "-" : "") + Glob.str());
  }
}

Config Config::then(const Config &Later) const {
  Config Result = *this;
  llvm::append_range(Result.Checks, Later.Checks);
  llvm::append_range(Result.RuleFiles, Later.RuleFiles);
  llvm::append_range(Result.Exclude, Later.Exclude);
  llvm::append_range(Result.KeepLastIncludes, Later.KeepLastIncludes);
  if (Later.HeaderFilter)
    Result.HeaderFilter = Later.HeaderFilter;
  if (Later.FailOn)
    Result.FailOn = Later.FailOn;
  if (Later.Fallback)
    Result.Fallback = Later.Fallback;
  llvm::append_range(Result.Severities, Later.Severities);
  llvm::append_range(Result.FlagOnly, Later.FlagOnly);
  if (!Later.Source.empty())
    Result.Source = Later.Source;
  return Result;
}

std::string Config::checks() const {
  // A list that starts by removing starts from every rule (`--disable=x`
  // alone is "all but x"); one that starts by adding starts from none
  // (`--enable=sctp-oob-*` is "only those").
  if (Checks.empty())
    return "*";
  std::string List = llvm::join(Checks, ",");
  return StringRef(Checks.front()).starts_with("-") ? "*," + List : List;
}


void Config::print(raw_ostream &OS, StringRef Base) const {
  // The same shape .sctpify.yaml has, written by LLVM's YAML I/O.
  ConfigFile File;
  File.Enable = checks();
  File.HeaderFilter = HeaderFilter.value_or("");
  File.FailOn = severityName(FailOn.value_or(Severity::Warning)).str();
  File.Fallback = Fallback.value_or("none");
  if (!FlagOnly.empty())
    File.FlagOnly = llvm::join(FlagOnly, ",");
  for (const auto &[Globs, Level] : Severities)
    File.Severities[Globs] = severityName(Level).str();
  for (const std::string &Path : RuleFiles)
    File.Rules.push_back(relativeTo(Path, Base).str());
  for (const std::string &Glob : Exclude)
    File.Exclude.push_back(relativeTo(Glob, Base).str());
  File.KeepLastIncludes = KeepLastIncludes;
  OS << "# effective sctpify configuration"
     << (Source.empty() ? "" : " (from " + relativeTo(Source, Base).str() +
                                   " and the command line)")
     << "\n";
  yaml::Output YAML(OS);
  YAML << File;
}

bool TUSettings::excludes(StringRef AbsolutePath) const {
  return llvm::any_of(Exclude, [&](const GlobPattern &G) {
    return G.match(AbsolutePath);
  });
}

/// An exclude entry as an absolute-path glob: relative to the directory
/// of the file that says it; a directory excludes everything under it.
static std::string excludeGlob(StringRef Entry, StringRef Directory) {
  SmallString<256> Abs(Entry);
  sys::fs::make_absolute(Directory, Abs);
  bool NamesDirectory = Entry.ends_with("/") || sys::fs::is_directory(Abs);
  sys::path::remove_dots(Abs, true);
  // "/l/.." is "/", which --dump-config prints and reads back as a
  // directory (found by test/fuzz).
  NamesDirectory |= StringRef(Abs).ends_with("/");
  if (NamesDirectory && !StringRef(Abs).contains_insensitive("*"))
    sys::path::append(Abs, "*");
  return std::string(Abs);
}

Expected<std::optional<Config>> ConfigProvider::load(StringRef Directory) {
  SmallString<256> Path(Directory);
  sys::path::append(Path, ".sctpify.yaml");
  if (!sys::fs::exists(Path))
    return std::nullopt;
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createFileError(Path, Buffer.getError());
  auto Parsed = parseConfig((*Buffer)->getBuffer(), Path);
  if (!Parsed)
    return Parsed.takeError();
  return std::optional<Config>(std::move(*Parsed));
}

Expected<Config> parseConfig(StringRef Text, StringRef Path) {
  StringRef Directory = sys::path::parent_path(Path);
  ConfigFile File;
  std::string Diagnostics;
  raw_string_ostream DiagOS(Diagnostics);
  yaml::Input In(
      Text, nullptr,
      [](const SMDiagnostic &D, void *Ctx) {
        D.print(nullptr, *static_cast<raw_string_ostream *>(Ctx), false);
      },
      &DiagOS);
  // An empty file is a valid, empty configuration.
  if (!Text.trim().empty())
    In >> File;
  if (In.error())
    return createStringError(In.error(), "in '%s':\n%s", Path.str().c_str(),
                             Diagnostics.c_str());
  // A second document would otherwise be ignored without a word, as in a
  // rule file.
  if (countYAMLDocuments(Text) > 1)
    return createStringError(inconvertibleErrorCode(),
                             "in '%s': only one YAML document is read; merge "
                             "the documents",
                             Path.str().c_str());
  Config C;
  C.Source = std::string(Path);
  addChecks(C.Checks, File.Enable.value_or(""), /*Negate=*/false);
  addChecks(C.Checks, File.Disable.value_or(""), /*Negate=*/true);
  C.HeaderFilter = File.HeaderFilter;
  C.KeepLastIncludes = File.KeepLastIncludes;
  C.InheritParent = File.InheritParent.value_or(true);
  auto Level = [&](StringRef Word, StringRef Key) -> Expected<Severity> {
    if (std::optional<Severity> S = parseSeverity(Word))
      return *S;
    return createStringError(inconvertibleErrorCode(),
                             "in '%s': %s is note, warning or error, not '%s'",
                             Path.str().c_str(), Key.str().c_str(), Word.str().c_str());
  };
  if (File.FlagOnly)
    C.FlagOnly.push_back(*File.FlagOnly);
  if (File.Fallback) {
    if (!isFallbackMode(*File.Fallback))
      return createStringError(inconvertibleErrorCode(),
                               "in '%s': fallback is one of %s, not '%s'",
                               Path.str().c_str(), fallbackModes().c_str(),
                               File.Fallback->c_str());
    C.Fallback = File.Fallback;
  }
  if (File.FailOn) {
    auto S = Level(*File.FailOn, "fail-on");
    if (!S)
      return S.takeError();
    C.FailOn = *S;
  }
  for (const auto &[Globs, Word] : File.Severities) {
    auto S = Level(Word, "the severity of '" + Globs + "'");
    if (!S)
      return S.takeError();
    C.Severities.emplace_back(Globs, *S);
  }
  // Paths in a configuration are relative to the directory that holds it.
  for (const std::string &Rules : File.Rules) {
    SmallString<256> Abs(Rules);
    sys::fs::make_absolute(Directory, Abs);
    sys::path::remove_dots(Abs, true);
    C.RuleFiles.push_back(std::string(Abs));
  }
  for (const std::string &Glob : File.Exclude)
    C.Exclude.push_back(excludeGlob(Glob, Directory));
  return C;
}

/// A glob without `*` names one rule; naming none is a typo, not a choice.
static Error checkNamedRules(const Config &C, const RuleTable &All) {
  for (StringRef Glob : C.Checks) {
    Glob.consume_front("-");
    if (Glob.contains('*') || All.find(Glob))
      continue;
    std::string Nearest;
    unsigned Best = ~0u;
    for (const Rule &R : All.rules())
      if (unsigned D = StringRef(R.Id).edit_distance(Glob); D < Best) {
        Best = D;
        Nearest = R.Id;
      }
    return createStringError(
        inconvertibleErrorCode(), "unknown rule '%s'%s%s; did you mean '%s'?",
        Glob.str().c_str(), C.Source.empty() ? "" : " in ",
        C.Source.c_str(), Nearest.c_str());
  }
  return Error::success();
}

/// Globs from a configuration list, in order. Errors: GlobPattern's, for
/// one that does not parse.
static Error compileGlobs(const std::vector<std::string> &Globs,
                          std::vector<GlobPattern> &Into) {
  for (const std::string &Glob : Globs) {
    Expected<GlobPattern> Pattern = GlobPattern::create(Glob);
    if (!Pattern)
      return Pattern.takeError();
    Into.push_back(std::move(*Pattern));
  }
  return Error::success();
}

Expected<std::unique_ptr<TUSettings>> ConfigProvider::build(Config Effective) {
  auto Settings = std::make_unique<TUSettings>();
  auto Rules = RuleTable::builtin();
  if (!Rules)
    return Rules.takeError();
  Settings->Rules = std::move(*Rules);
  // A mode's rules replace built-in ones of the same id; the user's
  // replace both.
  if (Effective.Fallback && *Effective.Fallback != "none")
    if (Error E = Settings->Rules.addMode("fallback-" + *Effective.Fallback))
      return E;
  for (const std::string &File : Effective.RuleFiles)
    if (Error E = Settings->Rules.addFile(File))
      return E;
  if (Error E = Settings->Rules.resolve())
    return E;
  if (Error E = checkNamedRules(Effective, Settings->Rules))
    return E;
  Settings->Rules.select(Effective.checks(), "");
  for (const std::string &Globs : Effective.FlagOnly)
    Settings->Rules.makeFlags(Globs);
  for (const auto &[Globs, Level] : Effective.Severities)
    Settings->Rules.setSeverity(Globs, Level);
  if (Settings->Rules.rules().empty())
    return createStringError(inconvertibleErrorCode(),
                             "no rules enabled by '%s'%s%s",
                             Effective.checks().c_str(),
                             Effective.Source.empty() ? "" : " (from ",
                             Effective.Source.empty()
                                 ? ""
                                 : (Effective.Source + " and the command line)")
                                       .c_str());
  if (Error E = compileGlobs(Effective.Exclude, Settings->Exclude))
    return E;
  if (Error E = compileGlobs(Effective.KeepLastIncludes,
                             Settings->KeepLastIncludes))
    return E;
  Settings->Effective = std::move(Effective);
  return Settings;
}

Expected<const TUSettings *>
ConfigProvider::settingsFor(StringRef AbsolutePath) {
  std::lock_guard<std::mutex> Guard(Lock);
  // Every .sctpify.yaml from the file's directory up, nearest first, until
  // one that does not inherit; each directory is read once.
  std::vector<const Config *> Chain;
  for (StringRef Dir = sys::path::parent_path(AbsolutePath); !Dir.empty();
       Dir = sys::path::parent_path(Dir)) {
    auto It = ByDirectory.find(Dir);
    if (It == ByDirectory.end()) {
      auto Loaded = load(Dir);
      if (!Loaded)
        return Loaded.takeError();
      It = ByDirectory.try_emplace(Dir, std::move(*Loaded)).first;
    }
    if (It->second) {
      Chain.push_back(&*It->second);
      if (!It->second->InheritParent)
        break;
    }
  }
  Config Effective;
  std::string Key;
  for (auto It = Chain.rbegin(); It != Chain.rend(); ++It) {
    Effective = Effective.then(**It);
    Key += (*It)->Source + "\n";
  }
  Effective = Effective.then(CommandLine);

  auto &Slot = ByChain[Key];
  if (!Slot) {
    auto Built = build(std::move(Effective));
    if (!Built)
      return Built.takeError();
    Slot = std::move(*Built);
  }
  return Slot.get();
}

} // namespace sctpify
