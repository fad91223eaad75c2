//===- Pattern.cpp --------------------------------------------------------===//
#include "engine/Pattern.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace sctpify {

static Error patternError(StringRef Text, const Twine &What) {
  return createStringError(inconvertibleErrorCode(), "in pattern '%s': %s",
                           Text.str().c_str(), What.str().c_str());
}

static bool isIdentifierChar(char C) { return isAlnum(C) || C == '_'; }

/// `name` or `ns::name` (a leading `::` allowed).
static bool isQualifiedName(StringRef S) {
  S.consume_front("::");
  if (S.empty())
    return false;
  SmallVector<StringRef> Parts;
  S.split(Parts, "::");
  return llvm::all_of(Parts, [](StringRef P) {
    return !P.empty() && !isDigit(P.front()) && llvm::all_of(P, isIdentifierChar);
  });
}

std::optional<CallShape> parseCallShape(StringRef Text) {
  CallShape Shape;
  Text = Text.trim();
  if (Text.consume_back(";")) {
    Shape.Statement = true;
    Text = Text.rtrim();
  }
  size_t Open = Text.find('(');
  if (Open == StringRef::npos || !Text.ends_with(")"))
    return std::nullopt;
  Shape.Callee = Text.take_front(Open).trim().str();
  if (!isQualifiedName(Shape.Callee))
    return std::nullopt;
  StringRef Inside = Text.slice(Open + 1, Text.size() - 1);
  int Depth = 0;
  bool InString = false;
  size_t Start = 0;
  for (size_t I = 0; I <= Inside.size(); ++I) {
    char C = I < Inside.size() ? Inside[I] : ',';
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '(' || C == '[' || C == '{')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}') {
      if (--Depth < 0)
        return std::nullopt; // `f(a) + g(b)` is not one call
    } else if (C == ',' && Depth == 0) {
      Shape.Args.push_back(Inside.slice(Start, I).trim().str());
      Start = I + 1;
    }
  }
  if (Depth != 0 || InString)
    return std::nullopt;
  if (Shape.Args.size() == 1 && Shape.Args.front().empty())
    Shape.Args.clear();
  return Shape;
}

/// `$name` with nothing else.
static std::optional<std::string> metavariableName(StringRef Text) {
  if (!Text.consume_front("$") || Text.empty() || isDigit(Text.front()) ||
      !llvm::all_of(Text, isIdentifierChar))
    return std::nullopt;
  return Text.str();
}

static Expected<ParsedPattern> parseCall(StringRef Text, CallShape Shape) {
  ParsedPattern Result;
  CallPattern P;
  P.Text = Text.trim().str();
  P.Callee = Shape.Callee;
  P.Statement = Shape.Statement;
  std::set<std::string> Seen;
  for (size_t I = 0; I < Shape.Args.size(); ++I) {
    StringRef Arg = Shape.Args[I];
    if (Arg == "...") {
      if (I + 1 != Shape.Args.size())
        return patternError(Text, "'...' must be the last argument");
      P.Variadic = true;
      break;
    }
    if (Arg.empty())
      return patternError(Text, "empty argument " + Twine(I + 1));
    if (std::optional<std::string> Name = metavariableName(Arg)) {
      if (!Seen.insert(*Name).second)
        return patternError(Text, "$" + *Name + " is bound twice");
      P.Args.push_back(*Name);
      continue;
    }
    std::string Synthetic = "@" + std::to_string(I);
    auto Equal = Condition::equals(Synthetic, Arg);
    if (!Equal)
      return patternError(Text, toString(Equal.takeError()));
    Result.Implied.push_back(std::move(*Equal));
    P.Args.push_back(Synthetic);
  }
  Result.Call = std::move(P);
  return Result;
}

static Expected<ParsedPattern> parseComparison(StringRef Text) {
  size_t OpPos = Text.find("==");
  if (OpPos == StringRef::npos)
    OpPos = Text.find("!=");
  StringRef Left = Text.take_front(OpPos).trim();
  StringRef Right = Text.drop_front(OpPos + 2).trim();
  ComparisonPattern P;
  P.Text = Text.trim().str();
  size_t Access = Left.find("->");
  size_t AccessLength = 2;
  if (Access == StringRef::npos) {
    Access = Left.find('.');
    AccessLength = 1;
  }
  std::optional<std::string> Object =
      Access == StringRef::npos ? std::nullopt
                                : metavariableName(Left.take_front(Access).trim());
  StringRef Member = Access == StringRef::npos
                         ? StringRef()
                         : Left.drop_front(Access + AccessLength).trim();
  if (!Object || !isQualifiedName(Member) || Member.contains("::"))
    return patternError(Text, "a comparison is written `$object->member == "
                              "VALUE` (or `.member`)");
  P.Object = *Object;
  P.Member = Member.str();
  auto Equal = Condition::equals(ComparisonPattern::ValueName, Right);
  if (!Equal)
    return patternError(Text, toString(Equal.takeError()));
  ParsedPattern Result;
  Result.Implied.push_back(std::move(*Equal));
  Result.Comparison = std::move(P);
  return Result;
}

Expected<ParsedPattern> parsePattern(StringRef Text) {
  StringRef T = Text.trim();
  if (T.empty())
    return patternError(Text, "it is empty");
  if (T.contains('(')) {
    std::optional<CallShape> Shape = parseCallShape(T);
    if (!Shape)
      return patternError(Text, "a call pattern is `function(args...)`, "
                                "optionally followed by `;`");
    return parseCall(Text, std::move(*Shape));
  }
  if (T.contains("==") || T.contains("!="))
    return parseComparison(T);
  // A type: `struct tcp_info`, `asio::ip::tcp`.
  for (StringRef Keyword : {"struct ", "union ", "class ", "enum "})
    if (T.consume_front(Keyword)) {
      T = T.ltrim();
      break;
    }
  if (!isQualifiedName(T))
    return patternError(Text, "not a call, a comparison or a type name");
  ParsedPattern Result;
  Result.Type = TypePattern{Text.trim().str(), T.ltrim(':').str()};
  return Result;
}

Expected<Template> Template::parse(StringRef Text) {
  Template T;
  T.Text = Text.trim().str();
  if (T.Text.empty())
    return createStringError(inconvertibleErrorCode(),
                             "an empty replacement");
  StringRef S = T.Text;
  bool InString = false;
  for (size_t I = 0; I < S.size(); ++I) {
    if (InString) {
      if (S[I] == '\\')
        ++I;
      else if (S[I] == '"')
        InString = false;
      continue;
    }
    if (S[I] == '"') {
      InString = true;
    } else if (S[I] == '$') {
      size_t End = I + 1;
      while (End < S.size() && isIdentifierChar(S[End]))
        ++End;
      if (End == I + 1 || isDigit(S[I + 1]))
        return createStringError(inconvertibleErrorCode(),
                                 "in replacement '%s': '$' must start a "
                                 "metavariable name",
                                 T.Text.c_str());
      T.Metavariables.insert(S.slice(I + 1, End).str());
      I = End - 1;
    }
  }
  if (std::optional<CallShape> Shape = parseCallShape(S))
    if (!Shape->Statement)
      T.Call = std::move(Shape);
  return T;
}

unsigned Template::occurrences(StringRef Name) const {
  unsigned Count = 0;
  substitute([&](StringRef Hole) {
    Count += Hole == Name;
    return std::string();
  });
  return Count;
}

std::string
Template::substitute(const std::function<std::string(StringRef)> &Fill) const {
  std::string Out;
  StringRef S = Text;
  bool InString = false;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (InString) {
      Out += C;
      if (C == '\\' && I + 1 < S.size())
        Out += S[++I];
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    if (C != '$') {
      Out += C;
      continue;
    }
    size_t End = I + 1;
    while (End < S.size() && isIdentifierChar(S[End]))
      ++End;
    Out += Fill(S.slice(I + 1, End));
    I = End - 1;
  }
  return Out;
}

} // namespace sctpify
