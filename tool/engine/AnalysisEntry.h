//===- AnalysisEntry.h - The rules over an AST someone else parsed -*- C++ -*-===//
//
// createFindingsAction() owns the parse. A host that parses on its own — a
// clang-tidy check, which sees the ASTContext and the Preprocessor but no
// FrontendAction of ours — calls analyzeParsedTU() instead, with an
// IncludeRecorder it added to the Preprocessor before preprocessing began.
//
//===----------------------------------------------------------------------===//
#ifndef SCTPIFY_ENGINE_ANALYSISENTRY_H
#define SCTPIFY_ENGINE_ANALYSISENTRY_H

#include "engine/Analysis.h"
#include "engine/IncludePlacement.h"
#include "engine/RuleTable.h"
#include "engine/TUResult.h"

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace sctpify {

/// Applies Rules to the parsed TU and fills Out (whose MainFile the caller
/// sets), as the FindingsAction does: a TU with a compiler error is Failed
/// and yields nothing.
void analyzeParsedTU(clang::ASTContext &Ctx, clang::Preprocessor &PP,
                     const IncludeRecorder &Includes, const RuleTable &Rules,
                     const FileScope &InScope, TUResult &Out);

} // namespace sctpify

#endif
