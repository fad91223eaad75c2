//===- Paths.cpp ----------------------------------------------------------===//
#include "engine/Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace sctpify {

std::string normalizedPath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Result(Path);
  if (Base.empty())
    llvm::sys::fs::make_absolute(Result);
  else
    llvm::sys::fs::make_absolute(Base, Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Result, Real))
    return std::string(Real);
  return std::string(Result);
}

bool isUnder(llvm::StringRef Path, llvm::StringRef Dir) {
  if (Dir.empty())
    return false;
  Dir = Dir.rtrim('/');
  return Path.starts_with(Dir) &&
         (Path.size() == Dir.size() || Path[Dir.size()] == '/');
}

llvm::StringRef relativeTo(llvm::StringRef Path, llvm::StringRef Dir) {
  Dir = Dir.rtrim('/');
  if (Dir.empty() || !Path.starts_with(Dir) || Path.size() <= Dir.size() ||
      Path[Dir.size()] != '/')
    return Path;
  return Path.drop_front(Dir.size() + 1);
}

} // namespace sctpify
