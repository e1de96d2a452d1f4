#include "extract/indicator.h"

#include "extract/lexicon.h"
#include "extract/text_fold.h"
#include "util/utf.h"

namespace claimdb::extract {

namespace {

bool is_phrase_char(char32_t c) { return is_han(c) || is_ascii_alpha(c) || is_digit(c) || c == U'&' || c == U'（' ||
                                         c == U'）' || c == U'(' || c == U')' || c == U'“' || c == U'”' || c == U'《' || c == U'》'; }

std::u32string compact(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s)
    if (!is_space(c)) out.push_back(c);
  return out;
}

// Drops leading cue words (其中, 目前, 全区, ...) and trailing verbs (实现, 达到, ...).
std::u32string trim_phrase(std::u32string s, const Lexicon& lex) {
  const auto& lead = lex.cues(CueKind::IndicatorLead);
  const auto& trail = lex.cues(CueKind::IndicatorTrail);
  const auto& basis = lex.cues(CueKind::GrowthBasis);
  const auto& verbs = lex.cues(CueKind::GrowthVerb);
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    size_t e = 0;
    if (lead.at(s, 0, &e, false)) { s.erase(0, e); changed = true; continue; }
    size_t st = 0;
    if (trail.ending_at(s, s.size(), &st, false)) { s.erase(st); changed = true; continue; }
    if (basis.ending_at(s, s.size(), &st, false) && st > 0) { s.erase(st); changed = true; continue; }
    // A trailing change verb is dropped (地区生产总值增长), a rate noun kept (人口自然增长率).
    if (verbs.ending_at(s, s.size(), &st, false) && st > 0) {
      char32_t last = s.back();
      if (last != U'率' && last != U'速' && last != U'幅') { s.erase(st); changed = true; continue; }
    }
  }
  // Unbalanced brackets left by clause cuts
  while (!s.empty() && (s.back() == U'（' || s.back() == U'(' || s.back() == U'“')) s.pop_back();
  while (!s.empty() && (s.front() == U'）' || s.front() == U')' || s.front() == U'”')) s.erase(0, 1);
  return s;
}

}  // namespace

IndicatorPhrase indicator_for(std::u32string_view t, size_t clause_start, size_t subject_end, size_t quote_end,
                              size_t clause_end, bool counting, const Lexicon& lex) {
  // Before the figure: from the clause start, keeping only the last run of phrase characters.
  size_t b = subject_end;
  size_t a = b;
  while (a > clause_start && (is_phrase_char(t[a - 1]) || is_space(t[a - 1]))) --a;
  std::u32string before = trim_phrase(compact(t.substr(a, b - a)), lex);
  if (before.size() > 24) before = before.substr(before.size() - 24);

  // After the figure: the noun a count measures (96家科创企业).
  size_t c = quote_end;
  while (c < clause_end && is_space(t[c])) ++c;
  if (c < clause_end && t[c] == U'的') ++c;
  size_t d = c;
  // stops before another figure (12个新能源项目总投资超50亿元)
  while (d < clause_end && d - c < 16 && !is_digit(t[d]) && (is_phrase_char(t[d]) || is_space(t[d]))) ++d;
  std::u32string after = trim_phrase(compact(t.substr(c, d - c)), lex);

  std::u32string phrase;
  if (counting && !after.empty()) phrase = before.size() <= 8 ? before + after : after;
  else phrase = !before.empty() ? before : after;

  IndicatorPhrase out;
  out.phrase = u32_to_utf8(phrase);
  if (const Indicator* ind = lex.indicator_in(phrase)) out.code = ind->code;
  return out;
}

}  // namespace claimdb::extract
