//===- Condition.cpp - Parsing and three-valued evaluation ----------------===//
//
// A precedence-climbing parser over C's integer operators. Rules are small
// and loaded once, so the tree favours clarity over compactness.
//
//===----------------------------------------------------------------------===//
#include "engine/Condition.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <vector>

using namespace llvm;

namespace sctpify {

struct Condition::Node {
  enum Kind { Integer, String, Constant, Metavariable, Unary, Binary } K;
  int64_t Number = 0;       ///< Integer, or a resolved Constant
  std::string Name;         ///< Constant, Metavariable, String contents, or operator
  std::unique_ptr<Node> L, R;

  std::unique_ptr<Node> clone() const {
    auto N = std::make_unique<Node>(*this);
    return N;
  }
  Node(Kind K) : K(K) {}
  Node(const Node &O)
      : K(O.K), Number(O.Number), Name(O.Name), L(O.L ? O.L->clone() : nullptr),
        R(O.R ? O.R->clone() : nullptr) {}
};

namespace {

struct Token {
  enum Kind { End, Integer, String, Identifier, Metavariable, Operator } K;
  std::string Text;
  size_t Column;
};

Expected<std::vector<Token>> tokenize(StringRef Text) {
  std::vector<Token> Tokens;
  static const char *const Operators[] = {"||", "&&", "==", "!=", "<=", ">=",
                                          "<<", ">>", "|",  "&",  "^",  "~",
                                          "!",  "<",  ">",  "+",  "-",  "*",
                                          "(",  ")"};
  size_t I = 0, Start = 0;
  // Errors point at the start of the token that is wrong.
  auto Fail = [&](const Twine &What) {
    return createStringError(inconvertibleErrorCode(),
                             "in condition '%s', column %zu: %s",
                             Text.str().c_str(), Start + 1, What.str().c_str());
  };
  while (I < Text.size()) {
    char C = Text[I];
    if (isSpace(C)) {
      ++I;
      continue;
    }
    Start = I;
    if (C == '$' || isAlpha(C) || C == '_') {
      ++I;
      while (I < Text.size() && (isAlnum(Text[I]) || Text[I] == '_'))
        ++I;
      if (C == '$' && I == Start + 1)
        return Fail("'$' must start a metavariable name");
      Tokens.push_back({C == '$' ? Token::Metavariable : Token::Identifier,
                        Text.slice(C == '$' ? Start + 1 : Start, I).str(),
                        Start});
      continue;
    }
    if (isDigit(C)) {
      while (I < Text.size() && isAlnum(Text[I]))
        ++I;
      Tokens.push_back({Token::Integer, Text.slice(Start, I).str(), Start});
      continue;
    }
    if (C == '"') {
      size_t End = Text.find('"', I + 1);
      if (End == StringRef::npos)
        return Fail("unterminated string");
      Tokens.push_back({Token::String, Text.slice(I + 1, End).str(), Start});
      I = End + 1;
      continue;
    }
    bool Found = false;
    for (StringRef Op : Operators)
      if (Text.substr(I).starts_with(Op)) {
        Tokens.push_back({Token::Operator, Op.str(), Start});
        I += Op.size();
        Found = true;
        break;
      }
    if (!Found)
      return Fail(Twine("unexpected '") + Twine(C) + "'");
  }
  Tokens.push_back({Token::End, "", Text.size()});
  return Tokens;
}

/// Binary operators by C's precedence (higher binds tighter).
int precedence(StringRef Op) {
  return StringSwitch<int>(Op)
      .Case("||", 1)
      .Case("&&", 2)
      .Case("|", 3)
      .Case("^", 4)
      .Case("&", 5)
      .Cases("==", "!=", 6)
      .Cases("<", ">", "<=", ">=", 7)
      .Cases("<<", ">>", 8)
      .Cases("+", "-", 9)
      .Case("*", 10)
      .Default(0);
}

class Parser {
public:
  Parser(StringRef Text, std::vector<Token> Tokens)
      : Text(Text), Tokens(std::move(Tokens)) {}

  Expected<std::unique_ptr<Condition::Node>> parseAll() {
    auto N = parseBinary(1);
    if (!N)
      return N.takeError();
    if (peek().K != Token::End)
      return fail("unexpected '" + peek().Text + "'");
    return N;
  }

private:
  using NodePtr = std::unique_ptr<Condition::Node>;
  const Token &peek() const { return Tokens[Pos]; }
  Error fail(const Twine &What) const {
    return createStringError(inconvertibleErrorCode(),
                             "in condition '%s', column %zu: %s",
                             Text.str().c_str(), peek().Column + 1,
                             What.str().c_str());
  }

  Expected<NodePtr> parseBinary(int MinPrecedence) {
    auto L = parseUnary();
    if (!L)
      return L;
    while (peek().K == Token::Operator) {
      int P = precedence(peek().Text);
      if (P == 0 || P < MinPrecedence)
        break;
      std::string Op = Tokens[Pos++].Text;
      auto R = parseBinary(P + 1);
      if (!R)
        return R;
      auto N = std::make_unique<Condition::Node>(Condition::Node::Binary);
      N->Name = Op;
      N->L = std::move(*L);
      N->R = std::move(*R);
      *L = std::move(N);
    }
    return L;
  }

  Expected<NodePtr> parseUnary() {
    const Token &T = peek();
    if (T.K == Token::Operator &&
        (T.Text == "!" || T.Text == "~" || T.Text == "-" || T.Text == "+")) {
      std::string Op = T.Text;
      ++Pos;
      auto Operand = parseUnary();
      if (!Operand)
        return Operand;
      auto N = std::make_unique<Condition::Node>(Condition::Node::Unary);
      N->Name = Op;
      N->L = std::move(*Operand);
      return N;
    }
    return parsePrimary();
  }

  Expected<NodePtr> parsePrimary() {
    const Token &T = peek();
    switch (T.K) {
    case Token::Integer: {
      auto N = std::make_unique<Condition::Node>(Condition::Node::Integer);
      if (StringRef(T.Text).getAsInteger(0, N->Number))
        return fail("bad integer '" + T.Text + "'");
      ++Pos;
      return N;
    }
    case Token::String:
    case Token::Identifier:
    case Token::Metavariable: {
      auto N = std::make_unique<Condition::Node>(
          T.K == Token::String       ? Condition::Node::String
          : T.K == Token::Identifier ? Condition::Node::Constant
                                     : Condition::Node::Metavariable);
      N->Name = T.Text;
      ++Pos;
      return N;
    }
    case Token::Operator:
      if (T.Text == "(") {
        ++Pos;
        auto N = parseBinary(1);
        if (!N)
          return N;
        if (peek().Text != ")" || peek().K != Token::Operator)
          return fail("expected ')'");
        ++Pos;
        return N;
      }
      return fail("unexpected '" + T.Text + "'");
    case Token::End:
      return fail("the condition ends too early");
    }
    llvm_unreachable("unknown token kind");
  }

  StringRef Text;
  std::vector<Token> Tokens;
  size_t Pos = 0;
};

void collectMetavariables(const Condition::Node &N, std::set<std::string> &Out) {
  if (N.K == Condition::Node::Metavariable)
    Out.insert(N.Name);
  if (N.L)
    collectMetavariables(*N.L, Out);
  if (N.R)
    collectMetavariables(*N.R, Out);
}

Error resolveNode(Condition::Node &N, const StringMap<int64_t> &Constants,
                  StringRef Text) {
  if (N.K == Condition::Node::Constant) {
    auto It = Constants.find(N.Name);
    if (It == Constants.end())
      return createStringError(inconvertibleErrorCode(),
                               "unknown constant '%s' in '%s' (add it to a "
                               "`constants:` table)",
                               N.Name.c_str(), Text.str().c_str());
    N.Number = It->second;
  }
  for (Condition::Node *Child : {N.L.get(), N.R.get()})
    if (Child)
      if (Error E = resolveNode(*Child, Constants, Text))
        return E;
  return Error::success();
}

using Lookup = std::function<Value(StringRef)>;

std::optional<int64_t> asInteger(const Value &V) {
  if (const int64_t *I = std::get_if<int64_t>(&V.V))
    return *I;
  return std::nullopt;
}

Value evaluateNode(const Condition::Node &N, const Lookup &Get) {
  switch (N.K) {
  case Condition::Node::Integer:
  case Condition::Node::Constant:
    return {N.Number};
  case Condition::Node::String:
    return {N.Name};
  case Condition::Node::Metavariable:
    return Get(N.Name);
  case Condition::Node::Unary: {
    std::optional<int64_t> X = asInteger(evaluateNode(*N.L, Get));
    if (!X)
      return Value::unknown();
    switch (N.Name[0]) {
    case '!': return {int64_t(!*X)};
    case '~': return {~*X};
    case '-': return {-*X};
    default:  return {*X};
    }
  }
  case Condition::Node::Binary:
    break;
  }
  StringRef Op = N.Name;
  // && and || decide from one known side, as C's short circuit does.
  if (Op == "&&" || Op == "||") {
    bool IsAnd = Op == "&&";
    std::optional<int64_t> L = asInteger(evaluateNode(*N.L, Get));
    if (L && (*L != 0) != IsAnd)
      return {int64_t(!IsAnd)};
    std::optional<int64_t> R = asInteger(evaluateNode(*N.R, Get));
    if (R && (*R != 0) != IsAnd)
      return {int64_t(!IsAnd)};
    if (L && R)
      return {int64_t(IsAnd)};
    return Value::unknown();
  }
  Value LV = evaluateNode(*N.L, Get), RV = evaluateNode(*N.R, Get);
  if (!LV.known() || !RV.known())
    return Value::unknown();
  if (std::holds_alternative<std::string>(LV.V) ||
      std::holds_alternative<std::string>(RV.V)) {
    // Strings only compare for (in)equality; anything else is no match.
    bool Same = LV.V == RV.V;
    if (Op == "==")
      return {int64_t(Same)};
    if (Op == "!=")
      return {int64_t(!Same)};
    return {int64_t(0)};
  }
  int64_t L = *asInteger(LV), R = *asInteger(RV);
  if (Op == "|") return {L | R};
  if (Op == "&") return {L & R};
  if (Op == "^") return {L ^ R};
  if (Op == "==") return {int64_t(L == R)};
  if (Op == "!=") return {int64_t(L != R)};
  if (Op == "<") return {int64_t(L < R)};
  if (Op == ">") return {int64_t(L > R)};
  if (Op == "<=") return {int64_t(L <= R)};
  if (Op == ">=") return {int64_t(L >= R)};
  if (Op == "+") return {L + R};
  if (Op == "-") return {L - R};
  if (Op == "*") return {L * R};
  if ((Op == "<<" || Op == ">>") && R >= 0 && R < 63)
    return {Op == "<<" ? L << R : L >> R};
  return Value::unknown();
}

} // namespace

Expected<Condition> Condition::parse(StringRef Text) {
  auto Tokens = tokenize(Text);
  if (!Tokens)
    return Tokens.takeError();
  Parser P(Text, std::move(*Tokens));
  auto Root = P.parseAll();
  if (!Root)
    return Root.takeError();
  Condition C;
  C.Text = Text.trim().str();
  C.Root = std::move(*Root);
  collectMetavariables(*C.Root, C.Metavariables);
  return C;
}

Expected<Condition> Condition::equals(StringRef Metavariable, StringRef Text) {
  auto Value = parse(Text);
  if (!Value)
    return Value.takeError();
  if (!Value->Metavariables.empty())
    return createStringError(inconvertibleErrorCode(),
                             "'%s' in a pattern must be a metavariable or a "
                             "constant expression",
                             Text.str().c_str());
  Condition C;
  C.Text = ("$" + Metavariable + " == " + Text.trim()).str();
  C.Root = std::make_unique<Node>(Node::Binary);
  C.Root->Name = "==";
  C.Root->L = std::make_unique<Node>(Node::Metavariable);
  C.Root->L->Name = Metavariable.str();
  C.Root->R = std::move(Value->Root);
  C.Metavariables.insert(Metavariable.str());
  return C;
}

Error Condition::resolve(const StringMap<int64_t> &Constants) {
  return resolveNode(*Root, Constants, Text);
}

Truth Condition::evaluate(const Lookup &Get) const {
  Value V = evaluateNode(*Root, Get);
  if (!V.known())
    return Truth::Unknown;
  if (const int64_t *I = std::get_if<int64_t>(&V.V))
    return *I ? Truth::True : Truth::False;
  return Truth::True; // a bare string literal is a non-null pointer
}

Condition::Condition(const Condition &Other)
    : Text(Other.Text), Root(Other.Root ? Other.Root->clone() : nullptr),
      Metavariables(Other.Metavariables) {}

Condition &Condition::operator=(const Condition &Other) {
  if (this != &Other) {
    Text = Other.Text;
    Root = Other.Root ? Other.Root->clone() : nullptr;
    Metavariables = Other.Metavariables;
  }
  return *this;
}

Condition::Condition(Condition &&) = default;
Condition &Condition::operator=(Condition &&) = default;
Condition::~Condition() = default;

} // namespace sctpify
