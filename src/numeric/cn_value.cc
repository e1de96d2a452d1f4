// cn_number() and cn_amount() on top of the extractor's lexer; see cn_value.h.
#include "numeric/cn_value.h"

#include "extract/lexicon.h"
#include "extract/number_lexer.h"
#include "extract/quantity.h"
#include "extract/text_fold.h"
#include "util/utf.h"

namespace claimdb::numeric {

namespace {

// Folded text without surrounding whitespace, and its sign.
std::u32string prepare(std::string_view utf8, bool* negative) {
  std::u32string t = extract::fold(utf8_to_u32(utf8));
  size_t b = 0, e = t.size();
  while (b < e && extract::is_space(t[b])) ++b;
  while (e > b && extract::is_space(t[e - 1])) --e;
  t = t.substr(b, e - b);
  *negative = false;
  if (!t.empty() && (t[0] == U'-' || t[0] == U'负' || t[0] == U'−')) {
    *negative = true;
    t.erase(0, 1);
  }
  return t;
}

}  // namespace

std::optional<double> cn_number(std::string_view utf8) {
  bool negative;
  std::u32string t = prepare(utf8, &negative);
  if (t.empty()) return std::nullopt;
  auto n = extract::read_numeral(t, 0);
  if (!n || n->end != t.size()) return std::nullopt;
  return negative ? -n->value : n->value;
}

std::optional<Amount> cn_amount(std::string_view utf8) {
  bool negative;
  std::u32string t = prepare(utf8, &negative);
  if (t.empty()) return std::nullopt;
  const auto& lex = extract::Lexicon::instance();
  auto found = extract::find_quantities(t, extract::TextMarks::compute(t), lex);
  if (found.size() != 1 || found[0].start != 0 || found[0].end != t.size()) {
    // A bare numeral has no unit for find_quantities to anchor on.
    auto n = cn_number(utf8);
    if (!n) return std::nullopt;
    return Amount{*n, "", ""};
  }
  const auto& q = found[0];
  Amount a;
  a.value = negative ? -q.value : q.value;
  a.unit = q.unit;
  a.dimension = q.dimension;
  return a;
}

}  // namespace claimdb::numeric
