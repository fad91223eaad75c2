//===- ExampleCheck.h - Every rule's example, run as a test -----*- C++ -*-===//
#ifndef SCTPIFY_EXAMPLECHECK_H
#define SCTPIFY_EXAMPLECHECK_H

#include "engine/Config.h"
#include "llvm/Support/raw_ostream.h"

namespace sctpify {

/// `sctpify --verify-rules`: for every rule of Settings, compiles its
/// example's `before` (in the table's example-prelude, the example's
/// declarations and context), runs it through the real engine, and requires
/// that a rewrite rule writes exactly its `after`, or that a flag rule reports
/// it and changes nothing; the result, and a flag's suggested `after`, must
/// compile. Prints `PASS id` or `FAIL id: why` per rule; returns the number
/// of failures.
unsigned verifyRuleExamples(const TUSettings &Settings, llvm::raw_ostream &OS);

} // namespace sctpify

#endif
