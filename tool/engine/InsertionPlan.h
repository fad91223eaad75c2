//===- InsertionPlan.h - Headers and helpers a port needs -------*- C++ -*-===//
//
// A rewrite may write names its file does not declare yet (IPPROTO_SCTP,
// SCTP_NODELAY) or call a helper (sctpify_socket). Each rewrite records what
// it needs; each file gets one insertion point, before its first rewrite and
// after the includes every use sees (IncludePlacement.h). The merge step
// writes the lines once per file, from the findings that remain after
// suppression, macro decisions and line filters.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_INSERTIONPLAN_H
#define SCTPIFY_ENGINE_INSERTIONPLAN_H

#include "engine/IncludePlacement.h"
#include "engine/RuleTable.h"
#include "engine/TUResult.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include <functional>
#include <string>
#include <vector>

namespace sctpify {

/// A rewrite finding and the text its edits write.
struct PortRequest {
  Finding *F;
  clang::SourceLocation Where;
  const Rule *R;
  std::vector<std::string> Texts;
};

/// Fills each request's NeedsHeaders/NeedsHelpers, and Out's insertion
/// points and helper code, for the files those requests edit.
void planInsertions(std::vector<PortRequest> &Requests, clang::ASTContext &Ctx,
                    clang::Preprocessor &PP, const IncludeRecorder &Includes,
                    const RuleTable &Rules,
                    const std::function<std::string(clang::FileID)> &PathOf,
                    TUResult &Out);

/// The lines to insert for Headers and Helpers (code by name), in the line
/// endings of Where. Each helper is guarded so that copies added to several
/// files of one program (a header and a .c that includes it) do not clash.
std::string renderInsertion(const InsertionPoint &Where,
                            const std::vector<std::string> &Headers,
                            const std::vector<std::string> &Helpers,
                            const std::map<std::string, std::string> &Code);

} // namespace sctpify

#endif
