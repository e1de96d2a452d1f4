#include "extract/indicator.h"

#include <algorithm>

#include "extract/lexicon.h"
#include "extract/text_fold.h"
#include "util/utf.h"

namespace claimdb::extract {

namespace {

bool is_phrase_char(char32_t c) { return is_han(c) || is_ascii_alpha(c) || is_digit(c) || c == U'&' || c == U'（' ||
                                         c == U'）' || c == U'(' || c == U')' || c == U'“' || c == U'”' || c == U'《' || c == U'》'; }

// `s` without whitespace: `s` itself when it has none (the usual case),
// else a copy in `buf`.
std::u32string_view compact(std::u32string_view s, std::u32string& buf) {
  if (std::none_of(s.begin(), s.end(), is_space)) return s;
  buf.clear();
  for (char32_t c : s)
    if (!is_space(c)) buf.push_back(c);
  return buf;
}

// Where a trailing comparison with a written year starts (比2020年,
// 较2019年同期, 与2015年末), npos when `s` does not end in one.
size_t year_basis_start(std::u32string_view s, const Lexicon& lex) {
  size_t e = s.size();
  for (std::u32string_view tail : {std::u32string_view(U"同期"), std::u32string_view(U"末"), std::u32string_view(U"底")})
    if (e >= tail.size() && s.substr(e - tail.size()) == tail) { e -= tail.size(); break; }
  if (e == 0 || s[e - 1] != U'年') return std::u32string_view::npos;
  size_t d = e - 1;
  while (d > 0 && (is_digit(s[d - 1]) || s[d - 1] == U'〇' || s[d - 1] == U'零')) --d;
  if (d + 4 > e - 1) return std::u32string_view::npos;  // four digits at least: 2020年, not 三年
  size_t st = 0;
  if (!lex.cues(CueKind::BasisLead).ending_at(s, d, &st, false)) return std::u32string_view::npos;
  return st;
}

// Drops leading cue words (其中, 目前, 全区, ...) and trailing verbs (实现, 达到, ...).
// Narrows a view instead of erasing from a string: each step sees the same
// characters the erasing version did.
std::u32string_view trim_phrase(std::u32string_view s, const Lexicon& lex) {
  const auto& lead = lex.cues(CueKind::IndicatorLead);
  const auto& trail = lex.cues(CueKind::IndicatorTrail);
  const auto& basis = lex.cues(CueKind::GrowthBasis);
  const auto& verbs = lex.cues(CueKind::GrowthVerb);
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    size_t e = 0;
    if (lead.at(s, 0, &e, false)) { s.remove_prefix(e); changed = true; continue; }
    size_t st = 0;
    if (trail.ending_at(s, s.size(), &st, false)) { s = s.substr(0, st); changed = true; continue; }
    if (basis.ending_at(s, s.size(), &st, false) && st > 0) { s = s.substr(0, st); changed = true; continue; }
    // 2019年的产值: the 的 left after a time or place word
    if (s.front() == U'的') { s.remove_prefix(1); changed = true; continue; }
    // 研发投入比2020年: a comparison with a year written out
    if (size_t y = year_basis_start(s, lex); y != std::u32string_view::npos && y > 0) {
      s = s.substr(0, y);
      changed = true;
      continue;
    }
    // A trailing change verb is dropped (地区生产总值增长), a rate noun kept (人口自然增长率).
    if (verbs.ending_at(s, s.size(), &st, false) && st > 0) {
      char32_t last = s.back();
      if (last != U'率' && last != U'速' && last != U'幅') { s = s.substr(0, st); changed = true; continue; }
    }
  }
  // Unbalanced brackets left by clause cuts
  while (!s.empty() && (s.back() == U'（' || s.back() == U'(' || s.back() == U'“')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == U'）' || s.front() == U')' || s.front() == U'”')) s.remove_prefix(1);
  return s;
}

}  // namespace

IndicatorPhrase indicator_for(std::u32string_view t, size_t clause_start, size_t subject_end, size_t quote_end,
                              size_t clause_end, bool counting, const Lexicon& lex) {
  // Before the figure: from the clause start, keeping only the last run of phrase characters.
  size_t b = subject_end;
  size_t a = b;
  while (a > clause_start && (is_phrase_char(t[a - 1]) || is_space(t[a - 1]))) --a;
  std::u32string before_buf, after_buf;  // used only when the text has spaces to drop
  std::u32string_view before = trim_phrase(compact(t.substr(a, b - a), before_buf), lex);
  if (before.size() > 24) before = before.substr(before.size() - 24);

  // After the figure: the noun a count measures (96家科创企业).
  size_t c = quote_end;
  while (c < clause_end && is_space(t[c])) ++c;
  if (c < clause_end && t[c] == U'的') ++c;
  size_t d = c;
  // stops before another figure (12个新能源项目总投资超50亿元)
  while (d < clause_end && d - c < 16 && !is_digit(t[d]) && (is_phrase_char(t[d]) || is_space(t[d]))) ++d;
  std::u32string_view after = trim_phrase(compact(t.substr(c, d - c), after_buf), lex);

  std::u32string joined;
  std::u32string_view phrase;
  if (counting && !after.empty()) {
    if (before.size() <= 8) {
      joined.reserve(before.size() + after.size());
      joined.append(before).append(after);
      phrase = joined;
    } else {
      phrase = after;
    }
  } else {
    phrase = !before.empty() ? before : after;
  }

  IndicatorPhrase out;
  out.phrase = u32_to_utf8(phrase);
  if (const Indicator* ind = lex.indicator_in(phrase)) out.code = ind->code;
  return out;
}

}  // namespace claimdb::extract
