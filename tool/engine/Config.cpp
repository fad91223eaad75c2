//===- Config.cpp ---------------------------------------------------------===//
#include "engine/Config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"

using namespace llvm;

namespace {
/// The on-disk shape of .sctpify.yaml.
struct ConfigFile {
  std::optional<std::string> Enable, Disable, HeaderFilter;
  std::vector<std::string> Rules, Exclude;
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
  }
};
} // namespace llvm::yaml

namespace sctpify {

Config Config::overriddenBy(const Config &Override) const {
  Config Result = *this;
  if (Override.Enable)
    Result.Enable = Override.Enable;
  if (Override.Disable)
    Result.Disable = Override.Disable;
  if (Override.HeaderFilter)
    Result.HeaderFilter = Override.HeaderFilter;
  Result.RuleFiles.insert(Result.RuleFiles.end(), Override.RuleFiles.begin(),
                          Override.RuleFiles.end());
  Result.Exclude.insert(Result.Exclude.end(), Override.Exclude.begin(),
                        Override.Exclude.end());
  return Result;
}

void Config::print(raw_ostream &OS) const {
  // The same shape .sctpify.yaml has, written by LLVM's YAML I/O.
  ConfigFile File;
  File.Enable = Enable.value_or("*");
  File.Disable = Disable.value_or("");
  File.HeaderFilter = HeaderFilter.value_or("");
  File.Rules = RuleFiles;
  File.Exclude = Exclude;
  OS << "# effective sctpify configuration"
     << (Source.empty() ? "" : " (from " + Source + " and the command line)")
     << "\n";
  yaml::Output YAML(OS);
  YAML << File;
}

bool TUSettings::excludes(StringRef AbsolutePath) const {
  return llvm::any_of(Exclude, [&](const GlobPattern &G) {
    return G.match(AbsolutePath);
  });
}

Expected<std::optional<Config>> ConfigProvider::load(StringRef Directory) {
  SmallString<256> Path(Directory);
  sys::path::append(Path, ".sctpify.yaml");
  if (!sys::fs::exists(Path))
    return std::nullopt;
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createFileError(Path, Buffer.getError());
  ConfigFile File;
  std::string Diagnostics;
  raw_string_ostream DiagOS(Diagnostics);
  yaml::Input In(
      (*Buffer)->getBuffer(), nullptr,
      [](const SMDiagnostic &D, void *Ctx) {
        D.print(nullptr, *static_cast<raw_string_ostream *>(Ctx), false);
      },
      &DiagOS);
  // An empty file is a valid, empty configuration.
  if (!(*Buffer)->getBuffer().trim().empty())
    In >> File;
  if (In.error())
    return createStringError(In.error(), "in '%s':\n%s", Path.c_str(),
                             Diagnostics.c_str());
  Config C;
  C.Source = std::string(Path);
  C.Enable = File.Enable;
  C.Disable = File.Disable;
  C.HeaderFilter = File.HeaderFilter;
  // Paths in a configuration are relative to the directory that holds it.
  for (const std::string &Rules : File.Rules) {
    SmallString<256> Abs(Rules);
    sys::fs::make_absolute(Directory, Abs);
    C.RuleFiles.push_back(std::string(Abs));
  }
  for (const std::string &Glob : File.Exclude) {
    SmallString<256> Abs(Glob);
    sys::fs::make_absolute(Directory, Abs);
    sys::path::remove_dots(Abs, true);
    C.Exclude.push_back(std::string(Abs));
  }
  return C;
}

Expected<const TUSettings *>
ConfigProvider::settingsFor(StringRef AbsolutePath) {
  std::lock_guard<std::mutex> Guard(Lock);
  // The nearest .sctpify.yaml above the file, cached per directory.
  std::optional<Config> Found;
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
      Found = It->second;
      break;
    }
  }
  Config Effective = Found ? Found->overriddenBy(CommandLine) : CommandLine;
  if (Found)
    Effective.Source = Found->Source;

  auto &Slot = BySource[Effective.Source];
  if (Slot)
    return Slot.get();
  auto Settings = std::make_unique<TUSettings>();
  auto Rules = RuleTable::builtin();
  if (!Rules)
    return Rules.takeError();
  Settings->Rules = std::move(*Rules);
  for (const std::string &File : Effective.RuleFiles)
    if (Error E = Settings->Rules.addFile(File))
      return E;
  if (Error E = Settings->Rules.resolve())
    return E;
  Settings->Rules.select(Effective.Enable.value_or(""),
                         Effective.Disable.value_or(""));
  for (const std::string &Glob : Effective.Exclude) {
    auto Pattern = GlobPattern::create(Glob);
    if (!Pattern)
      return Pattern.takeError();
    Settings->Exclude.push_back(std::move(*Pattern));
  }
  Settings->Effective = std::move(Effective);
  Slot = std::move(Settings);
  return Slot.get();
}

} // namespace sctpify
