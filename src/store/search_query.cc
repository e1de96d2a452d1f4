// Parsing user queries and rendering them for the trigram or word index;
// see search_query.h.
#include "store/search_query.h"

#include <algorithm>
#include <cctype>

#include "claimdb/store.h"
#include "text/word_segmenter.h"
#include "util/utf.h"

namespace claimdb::search {

namespace {

using Kind = QueryNode::Kind;

QueryNode node(Kind kind, std::string text = {}, bool prefix = false) {
  QueryNode n;
  n.kind = kind;
  n.text = std::move(text);
  n.prefix = prefix;
  return n;
}

// ---------------------------------------------------------------- lexer
struct Token {
  enum Type { Word, Quoted, Open, Close, Comma, And, Or, Not, Near, End } type;
  std::string text;
  bool prefix = false;
};

bool special(char c) { return c == '"' || c == '(' || c == ')' || c == ',' || c == '*'; }
bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::vector<Token> lex(std::string_view q) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < q.size()) {
    char c = q[i];
    if (space(c)) { ++i; continue; }
    if (c == '(') { out.push_back({Token::Open, "("}); ++i; continue; }
    if (c == ')') { out.push_back({Token::Close, ")"}); ++i; continue; }
    if (c == ',') { out.push_back({Token::Comma, ","}); ++i; continue; }
    if (c == '*') throw StoreError("search: '*' must follow a word or a quoted phrase (词* or \"短语\"*)");
    Token t{Token::Word, ""};
    if (c == '"') {
      t.type = Token::Quoted;
      ++i;
      for (;;) {
        if (i >= q.size()) throw StoreError("search: unterminated quoted phrase in " + std::string(q));
        if (q[i] == '"') {
          if (i + 1 < q.size() && q[i + 1] == '"') { t.text += '"'; i += 2; continue; }
          ++i;
          break;
        }
        t.text += q[i++];
      }
    } else {
      size_t j = i;
      while (j < q.size() && !space(q[j]) && !special(q[j])) ++j;
      t.text = std::string(q.substr(i, j - i));
      i = j;
      if (t.text == "AND") t.type = Token::And;
      else if (t.text == "OR") t.type = Token::Or;
      else if (t.text == "NOT") t.type = Token::Not;
      else if (t.text == "NEAR" && i < q.size() && q[i] == '(') t.type = Token::Near;
      else if (!t.text.empty() && t.text[0] == '^') t.text.erase(0, 1);  // FTS5 "first token": not supported, ignored
    }
    if ((t.type == Token::Word || t.type == Token::Quoted) && i < q.size() && q[i] == '*') {
      t.prefix = true;
      ++i;
    }
    out.push_back(std::move(t));
  }
  out.push_back({Token::End, ""});
  return out;
}

// ---------------------------------------------------------------- parser
// or := and (OR and)* ; and := not ((AND)? not)* ; not := primary (NOT primary)*
// primary := '(' or ')' | NEAR '(' phrase+ [',' N] ')' | phrase
struct Parser {
  std::vector<Token> toks;
  size_t pos = 0;
  std::string query;

  const Token& peek() const { return toks[pos]; }
  [[noreturn]] void error(const std::string& what) const {
    throw StoreError("search: FTS5-style query syntax error: " + what + " in " + query +
                     " (put the text in double quotes to search for it literally)");
  }

  QueryNode parse_or() {
    QueryNode left = parse_and();
    if (peek().type != Token::Or) return left;
    QueryNode n = node(Kind::Or);
    n.kids.push_back(std::move(left));
    while (peek().type == Token::Or) {
      ++pos;
      n.kids.push_back(parse_and());
    }
    return n;
  }
  bool starts_primary() const {
    auto t = peek().type;
    return t == Token::Word || t == Token::Quoted || t == Token::Open || t == Token::Near;
  }
  QueryNode parse_and() {
    QueryNode left = parse_not();
    if (peek().type != Token::And && !starts_primary()) return left;
    QueryNode n = node(Kind::And);
    n.kids.push_back(std::move(left));
    while (peek().type == Token::And || starts_primary()) {
      if (peek().type == Token::And) ++pos;
      n.kids.push_back(parse_not());
    }
    return n;
  }
  QueryNode parse_not() {
    QueryNode left = parse_primary();
    while (peek().type == Token::Not) {
      ++pos;
      QueryNode n = node(Kind::Not);
      n.kids.push_back(std::move(left));
      n.kids.push_back(parse_primary());
      left = std::move(n);
    }
    return left;
  }
  QueryNode phrase() {
    const Token& t = peek();
    if (t.type != Token::Word && t.type != Token::Quoted) error("expected a word or a quoted phrase near '" + t.text + "'");
    QueryNode n = node(Kind::Phrase, t.text, t.prefix);
    ++pos;
    return n;
  }
  QueryNode parse_primary() {
    const Token& t = peek();
    if (t.type == Token::Open) {
      ++pos;
      QueryNode n = parse_or();
      if (peek().type != Token::Close) error("missing ')'");
      ++pos;
      return n;
    }
    if (t.type == Token::Near) {
      pos += 2;  // NEAR (
      QueryNode n = node(Kind::Near);
      while (peek().type == Token::Word || peek().type == Token::Quoted) n.kids.push_back(phrase());
      if (n.kids.size() < 2) error("NEAR needs two or more phrases");
      if (peek().type == Token::Comma) {
        ++pos;
        const std::string& d = peek().text;
        if (peek().type != Token::Word || d.empty() || !std::all_of(d.begin(), d.end(), ::isdigit))
          error("NEAR distance must be a number");
        n.distance = std::stoi(d);
        ++pos;
      }
      if (peek().type != Token::Close) error("missing ')' after NEAR");
      ++pos;
      return n;
    }
    return phrase();
  }
};

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<std::string> word_tokens(const std::string& text) {
  std::vector<std::string> out;
  for (auto& w : text::WordSegmenter::for_thread().words(text)) out.push_back(std::move(w.text));
  return out;
}
std::vector<std::string> chars_tokens(const std::string& text) {
  std::vector<std::string> out;
  for (auto& w : text::WordSegmenter::for_thread().char_tokens(text)) out.push_back(std::move(w.text));
  return out;
}
std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

template <class F>
void each_phrase(const QueryNode& n, F&& f) {
  if (n.kind == Kind::Phrase) return f(n);
  for (const auto& k : n.kids) each_phrase(k, f);
}

std::string render(const QueryNode& n, std::string (*leaf)(const QueryNode&), std::string (*near)(const QueryNode&)) {
  switch (n.kind) {
    case Kind::Phrase: return leaf(n);
    case Kind::Near: return near(n);
    case Kind::Not: return "(" + render(n.kids[0], leaf, near) + " NOT " + render(n.kids[1], leaf, near) + ")";
    case Kind::And:
    case Kind::Or: {
      std::string out = "(";
      for (size_t i = 0; i < n.kids.size(); ++i) {
        if (i) out += n.kind == Kind::And ? " AND " : " OR ";
        out += render(n.kids[i], leaf, near);
      }
      return out + ")";
    }
  }
  return "";
}

std::string trigram_leaf(const QueryNode& p) {
  if (p.prefix) throw StoreError("search: the trigram index has no prefix queries (" + p.text + "*)");
  if (utf8_to_u32(p.text).size() < 3)
    throw StoreError("search: the trigram index needs 3 or more characters ('" + p.text + "')");
  return quote(p.text);
}
std::string trigram_near(const QueryNode& n) {
  std::string out = "NEAR(";
  for (const auto& k : n.kids) out += trigram_leaf(k) + " ";
  return out + ", " + std::to_string(n.distance) + ")";
}

std::vector<std::string> searchable_chars(const QueryNode& p) {
  auto c = chars_tokens(p.text);
  if (c.empty()) throw StoreError("search: '" + p.text + "' has no letters, digits or ideographs to search for");
  return c;
}
std::string words_leaf(const QueryNode& p) {
  auto c = searchable_chars(p);
  auto w = word_tokens(p.text);
  if (p.prefix) return "words : " + quote(joined(w)) + " *";
  if (w == c) return "chars : " + quote(joined(c));
  return "(chars : " + quote(joined(c)) + " OR words : " + quote(joined(w)) + ")";
}
std::string words_near(const QueryNode& n) {
  // Distance in chars tokens: about one per character.
  std::string out = "chars : NEAR(";
  for (const auto& k : n.kids) {
    if (k.prefix) throw StoreError("search: prefixes inside NEAR are not supported (" + k.text + "*)");
    out += quote(joined(searchable_chars(k))) + " ";
  }
  return out + ", " + std::to_string(n.distance) + ")";
}

void collect_marks(const QueryNode& n, std::vector<MarkTerm>& out) {
  if (n.kind == Kind::Phrase) {
    MarkTerm t{chars_tokens(n.text), n.prefix};
    if (!t.tokens.empty()) out.push_back(std::move(t));
    return;
  }
  if (n.kind == Kind::Not) return collect_marks(n.kids[0], out);
  for (const auto& k : n.kids) collect_marks(k, out);
}

}  // namespace

bool has_query_syntax(std::string_view q) {
  size_t quotes = std::count(q.begin(), q.end(), '"');
  if ((quotes > 0 && quotes % 2 == 0) || q.find_first_of("*()^") != std::string_view::npos) return true;
  // Operators count only between two terms: "Android OR" is plain text.
  for (const char* op : {" AND ", " OR ", " NOT "})
    if (q.find(op) != std::string_view::npos) return true;
  return q.find("NEAR(") != std::string_view::npos;
}

QueryNode parse_query(std::string_view query) {
  std::string q(query);
  q.erase(0, q.find_first_not_of(" \t\r\n"));
  q.erase(q.find_last_not_of(" \t\r\n") + 1);
  if (q.empty()) throw StoreError("empty search query");
  if (!has_query_syntax(q)) return node(Kind::Phrase, q);
  Parser p{lex(q), 0, q};
  QueryNode n = p.parse_or();
  if (p.peek().type != Token::End) p.error("unexpected '" + p.peek().text + "'");
  return n;
}

const char* index_name(Index i) {
  switch (i) {
    case Index::Trigram: return "trigram";
    case Index::Words: return "words";
    default: return "auto";
  }
}

Index choose_index(const QueryNode& q) {
  // The word index finds every phrase, of any length, whatever the spacing
  // (OCR'd text has spaces between characters) and width of the text; it
  // ignores punctuation and symbols. Phrases that spell those out (增长4.1%,
  // R&D, “一号工程”) are matched literally by the trigram index when it can
  // take them: three or more characters, no prefix, nothing normalization
  // would change.
  bool literal = false, trigram_ok = true;
  each_phrase(q, [&](const QueryNode& p) {
    std::u32string s = utf8_to_u32(p.text);
    std::string compact, tokens;
    for (char32_t c : s)
      if (c != U' ' && c != U'\t' && c != U'\n' && c != U'\r') append_utf8(compact, c);
    for (const auto& t : chars_tokens(p.text)) tokens += t;
    if (text::fold_text(compact) != tokens) literal = true;
    // The trigram tokenizer folds ASCII case itself.
    std::string lower = p.text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (p.prefix || s.size() < 3 || text::fold_text(p.text) != lower) trigram_ok = false;
  });
  return literal && trigram_ok ? Index::Trigram : Index::Words;
}

std::string trigram_match(const QueryNode& q) { return render(q, trigram_leaf, trigram_near); }

std::string quote_phrase(std::string_view s) { return quote(s); }

std::vector<WordPhrase> word_phrases(const QueryNode& q) {
  std::vector<WordPhrase> out;
  each_phrase(q, [&](const QueryNode& p) {
    WordPhrase w;
    w.chars = chars_tokens(p.text);
    w.words = word_tokens(p.text);
    for (const auto& word : w.words)
      for (auto t : unicode61_tokens(word)) w.words61.emplace_back(t);
    w.prefix = p.prefix;
    out.push_back(std::move(w));
  });
  return out;
}

namespace {

bool ascii_alnum(std::string_view t) {
  return !t.empty() &&
         std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); });
}
bool ideograph_token(std::string_view t) {
  std::u32string u = utf8_to_u32(t);
  return u.size() == 1 && text::is_ideograph(u[0]);
}

struct Chars3Part {
  bool ok = true;     // the query can use passages_chars3
  bool any = false;   // no expression: every passage (to be checked)
  bool exact = true;  // the expression lists exactly the matching passages
  std::string match;
};

Chars3Part plan_node(const QueryNode& n) {
  Chars3Part out;
  switch (n.kind) {
    case Kind::Near:
      out.ok = false;
      return out;
    case Kind::Phrase: {
      auto tokens = chars_tokens(n.text);
      if (n.prefix || tokens.empty()) {
        out.ok = false;
        return out;
      }
      // The superset: the tokens from the first ideograph to the last. A
      // digit or letter token between two ideographs is a whole token there
      // (or several run together, as 4.5 becomes 45); one at either end may
      // be the end of a longer one (3亿元 in 13亿元), which would let through
      // too many passages to check.
      bool all_ideographs = true;
      size_t first = tokens.size(), last = 0;
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (ideograph_token(tokens[i])) {
          first = std::min(first, i);
          last = i;
        } else if (ascii_alnum(tokens[i])) {
          all_ideographs = false;
        } else {
          out.ok = false;
          return out;
        }
      }
      std::string concat;
      for (size_t i = first; i <= last && i < tokens.size(); ++i) concat += tokens[i];
      const size_t chars = utf8_to_u32(concat).size();
      out.exact = all_ideographs && chars >= 3;
      out.any = chars < 3;
      if (!out.any) out.match = quote(concat);
      return out;
    }
    case Kind::And: {
      std::vector<std::string> parts;
      for (const auto& k : n.kids) {
        Chars3Part p = plan_node(k);
        if (!p.ok) return p;
        out.exact = out.exact && p.exact;
        if (!p.any) parts.push_back(p.match);
      }
      if (parts.empty()) {
        out.any = true;
        return out;
      }
      for (size_t i = 0; i < parts.size(); ++i) out.match += (i ? " AND " : "") + parts[i];
      if (parts.size() > 1) out.match = "(" + out.match + ")";
      return out;
    }
    case Kind::Or: {
      std::vector<std::string> parts;
      for (const auto& k : n.kids) {
        Chars3Part p = plan_node(k);
        if (!p.ok) return p;
        out.any = out.any || p.any;
        out.exact = out.exact && p.exact;
        parts.push_back(p.match);
      }
      if (out.any) return out;
      for (size_t i = 0; i < parts.size(); ++i) out.match += (i ? " OR " : "") + parts[i];
      out.match = "(" + out.match + ")";
      return out;
    }
    case Kind::Not: {
      Chars3Part l = plan_node(n.kids[0]), r = plan_node(n.kids[1]);
      if (!l.ok || !r.ok) {
        out.ok = false;
        return out;
      }
      if (l.any) {
        out.any = true;
        out.exact = false;
        return out;
      }
      if (l.exact && r.exact && !r.any) {
        out.match = "(" + l.match + " NOT " + r.match + ")";
        return out;
      }
      out.exact = false;  // the negated part is checked passage by passage
      out.match = l.match;
      return out;
    }
  }
  out.ok = false;
  return out;
}

bool matches_node(const QueryNode& n, const std::vector<size_t>& hits, size_t& next) {
  switch (n.kind) {
    case Kind::Phrase:
      return hits.at(next++) > 0;
    case Kind::And: {
      bool all = true;
      for (const auto& k : n.kids) all = matches_node(k, hits, next) && all;  // every phrase is visited
      return all;
    }
    case Kind::Or: {
      bool any = false;
      for (const auto& k : n.kids) any = matches_node(k, hits, next) || any;
      return any;
    }
    case Kind::Not: {
      bool l = matches_node(n.kids[0], hits, next);
      bool r = matches_node(n.kids[1], hits, next);
      return l && !r;
    }
    case Kind::Near:
      throw StoreError("search: NEAR is not checked passage by passage");
  }
  return false;
}

}  // namespace

Chars3Plan chars3_plan(const QueryNode& q) {
  Chars3Part p = plan_node(q);
  Chars3Plan out;
  out.usable = p.ok && !p.any;
  out.verify = !p.exact;
  if (out.usable) out.match = p.match;
  return out;
}

std::vector<std::string_view> unicode61_tokens(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    bool token;
    if (b < 0x80) {
      token = std::isalnum(b) != 0;
      ++i;
    } else {
      token = text::is_token_char(next_code_point(text, i));
    }
    if (token && start == std::string_view::npos) start = at;
    if (!token && start != std::string_view::npos) {
      out.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) out.push_back(text.substr(start));
  return out;
}

size_t count_phrase(const std::vector<std::string_view>& row, const std::vector<std::string>& phrase) {
  size_t n = 0;
  const size_t m = phrase.size();
  for (size_t i = 0; m > 0 && i + m <= row.size(); ++i) {
    size_t k = 0;
    while (k < m && row[i + k] == phrase[k]) ++k;
    if (k == m) ++n;
  }
  return n;
}

bool query_matches(const QueryNode& q, const std::vector<size_t>& phrase_hits) {
  size_t next = 0;
  return matches_node(q, phrase_hits, next);
}

std::string words_match(const QueryNode& q) { return render(q, words_leaf, words_near); }

std::vector<MarkTerm> mark_terms(const QueryNode& q) {
  std::vector<MarkTerm> out;
  collect_marks(q, out);
  return out;
}

}  // namespace claimdb::search
