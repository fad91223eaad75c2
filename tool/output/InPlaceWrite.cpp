//===- InPlaceWrite.cpp ---------------------------------------------------===//
#include "output/InPlaceWrite.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace llvm;

namespace sctpify {

static Error refuse(StringRef Path, std::errc Code, const Twine &Why) {
  return createFileError(Path, createStringError(std::make_error_code(Code),
                                                 "%s; it is left unchanged",
                                                 Why.str().c_str()));
}

/// Whether the permission bits let the caller's class write the file. Root
/// passes access(2) for any file, but a 0444 file says "do not change me".
static bool writableByCaller(const struct stat &St) {
  if (St.st_uid == geteuid())
    return St.st_mode & S_IWUSR;
  if (geteuid() == 0)
    return St.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH);
  if (St.st_gid == getegid())
    return St.st_mode & S_IWGRP;
  return St.st_mode & S_IWOTH;
}

/// Copies every extended attribute of From onto FD; names those it cannot.
static void copyAttributes(StringRef From, int FD,
                           std::vector<std::string> &Failed) {
  std::string Path = From.str();
  ssize_t Size = listxattr(Path.c_str(), nullptr, 0);
  if (Size <= 0)
    return;
  std::string Names(Size, '\0');
  Size = listxattr(Path.c_str(), Names.data(), Names.size());
  for (size_t I = 0; Size > 0 && I < size_t(Size);) {
    std::string Name(Names.c_str() + I);
    I += Name.size() + 1;
    ssize_t Length = getxattr(Path.c_str(), Name.c_str(), nullptr, 0);
    std::string Value(Length > 0 ? Length : 0, '\0');
    if (Length < 0 ||
        getxattr(Path.c_str(), Name.c_str(), Value.data(), Value.size()) < 0 ||
        fsetxattr(FD, Name.c_str(), Value.data(), Value.size(), 0) != 0)
      Failed.push_back(Name);
  }
}

Error replaceFileContents(StringRef Path, StringRef Contents,
                          std::vector<std::string> &Warnings) {
  std::string P = Path.str();
  struct stat St;
  if (::stat(P.c_str(), &St) != 0)
    return createFileError(Path, errorCodeToError(
                                     std::error_code(errno, std::generic_category())));
  if (!writableByCaller(St)) {
    char Mode[8];
    snprintf(Mode, sizeof Mode, "%04o", unsigned(St.st_mode & 07777));
    return refuse(Path, std::errc::permission_denied,
                  Twine("it is read-only (mode ") + Mode + ")");
  }
  if (St.st_uid != geteuid() && geteuid() != 0)
    return refuse(Path, std::errc::operation_not_permitted,
                  "it belongs to another user, and a rewritten copy would "
                  "belong to you");
  if (St.st_nlink > 1)
    return refuse(Path, std::errc::too_many_links,
                  "it has " + std::to_string(St.st_nlink) +
                      " hard links, which would keep the old text");

  Expected<sys::fs::TempFile> Temp = createTemporaryFor(Path);
  if (!Temp)
    return createFileError(Path, Temp.takeError());
  auto Discard = [&](Error E) {
    consumeError(Temp->discard());
    return createFileError(Path, std::move(E));
  };
  {
    raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      return Discard(errorCodeToError(EC));
    }
  }
  if (::fsync(Temp->FD) != 0)
    return Discard(errorCodeToError(std::error_code(errno, std::generic_category())));
  if (::fchown(Temp->FD, St.st_uid, St.st_gid) != 0 && St.st_gid != getegid())
    Warnings.push_back("'" + P + "': its group could not be kept");
  ::fchmod(Temp->FD, St.st_mode & 07777);
  std::vector<std::string> Failed;
  copyAttributes(Path, Temp->FD, Failed);
  for (const std::string &Name : Failed)
    Warnings.push_back("'" + P + "': extended attribute '" + Name +
                       "' could not be carried over");
  if (Error E = Temp->keep(Path))
    return Discard(std::move(E));
  return Error::success();
}

Expected<sys::fs::TempFile> createTemporaryFor(StringRef Path) {
  sigset_t Interrupts, Before;
  sigemptyset(&Interrupts);
  for (int Signal : {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR2})
    sigaddset(&Interrupts, Signal);
  pthread_sigmask(SIG_BLOCK, &Interrupts, &Before);
  Expected<sys::fs::TempFile> Temp =
      sys::fs::TempFile::create(Path + ".sctpify-%%%%%%");
  // A signal that came meanwhile is delivered here, and the handler now
  // removes the file.
  pthread_sigmask(SIG_SETMASK, &Before, nullptr);
  return Temp;
}

} // namespace sctpify
