//===- CallContext.h - What a function does after a matched call -*- C++ -*-===//
//
// Some ports depend on what follows the call. A lingering close —
// `shutdown(fd, SHUT_WR)` then reads until EOF or a timeout, whose data is
// thrown away — is ported; a half-close whose reply the program reads and
// uses is not. A rule says so with `followed-by-discarding:` and the call
// patterns of the reads; this unit decides it from the AST, generically.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_CALLCONTEXT_H
#define SCTPIFY_ENGINE_CALLCONTEXT_H

#include "engine/LocalFacts.h"
#include "engine/Matcher.h"
#include "clang/AST/ASTContext.h"
#include <vector>

namespace sctpify {

/// Whether, later in the function that holds B's call, at least one call
/// matches one of Patterns with its metavariables shared with B naming the
/// same things (`$fd`), and every such call's other metavariables name
/// locals that the function reads nowhere else (`$buf`, filled and dropped).
bool followedByDiscarding(const Binding &B,
                          const std::vector<ParsedPattern> &Patterns,
                          clang::ASTContext &Ctx, LocalFacts &Locals);

} // namespace sctpify

#endif
