//===- Wrappers.h - Following values through the program's functions -*- C++ -*-===//
//
// Programs reach the C library through wrappers of their own:
// `my_send(s, buf, n, MSG_OOB)` calls `send(fd, b, len, flags)`. Inside the
// wrapper the deciding value is a parameter, unknown; at each call site it
// is a constant. A flag belongs where the constant is written, so the
// verdict is taken again with each caller's arguments and reported there.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_WRAPPERS_H
#define SCTPIFY_ENGINE_WRAPPERS_H

#include "engine/CallSites.h"
#include "engine/LocalFacts.h"
#include "engine/Matcher.h"
#include "clang/AST/ASTContext.h"
#include <vector>

namespace sctpify {

/// A caller of a wrapper, at which the rule matches.
struct WrapperCall {
  const clang::CallExpr *Site;          ///< the call of the wrapper
  const clang::FunctionDecl *Wrapper;   ///< the function holding B's call
};

/// Where every metavariable V leaves unknown names a parameter of the
/// function holding B's call that the function never changes, the callers
/// in this TU whose arguments make B's rule match. One level: a wrapper of
/// a wrapper is not followed. Callers in other TUs are not seen.
std::vector<WrapperCall> callersWhereMatches(const Binding &B,
                                             const Verdict &V,
                                             const Matcher &M,
                                             LocalFacts &Locals,
                                             CallSites &Sites);

} // namespace sctpify

#endif
