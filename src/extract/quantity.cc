#include "extract/quantity.h"

#include <charconv>
#include <cmath>

#include "extract/lexicon.h"
#include "extract/number_lexer.h"
#include "extract/text_fold.h"

namespace claimdb::extract {

namespace {

bool year_like(const Numeral& n) {
  if (n.has_decimal || n.has_separator || n.has_scale || n.more_than) return false;
  if (n.chinese) return n.digit_sequence && n.int_digits == 4 && n.value >= 1900 && n.value <= 2100;
  return n.int_digits == 4 && n.value >= 1900 && n.value <= 2100;
}

// Reads the unit after a numeral: unit words from the table, 倍, and the
// split form 两个多月 (classifier 个, qualifier 多, then 月).
struct UnitRead {
  size_t end = 0;
  const UnitWord* unit = nullptr;
  bool multiple = false;
  bool more_than = false;
};

UnitRead read_unit(std::u32string_view t, size_t pos, const Lexicon& lex) {
  UnitRead r;
  size_t i = skip_ws(t, pos);
  if (i >= t.size()) return r;
  if (t[i] == U'倍') {
    r.end = i + 1;
    r.multiple = true;
    return r;
  }
  size_t end = 0;
  const UnitWord* u = lex.unit_at(t, i, &end);
  if (!u) return r;
  // A classifier that starts a longer word (项目, 个人, 位于) is not a unit.
  size_t bend = 0;
  if (lex.cues(CueKind::UnitBlocker).at(t, i, &bend, false) && bend > end) return r;
  // Latin units must not run into more letters (5G, 3D, 4MWh is its own word).
  if (is_ascii_alpha(t[end - 1]) && end < t.size() && is_ascii_alpha(t[end])) return r;
  r.unit = u;
  r.end = end;
  // 两个多月, 三个多小时
  if (u->word == "个") {
    size_t k = skip_ws(t, end);
    if (k < t.size() && (t[k] == U'多' || t[k] == U'余')) {
      size_t e2 = 0;
      const UnitWord* u2 = lex.unit_at(t, skip_ws(t, k + 1), &e2);
      size_t m = skip_ws(t, k + 1);
      if (m < t.size() && t[m] == U'月') {
        static const UnitWord month{"个月", "month", "duration", 1, false};
        r.unit = &month;
        r.end = m + 1;
        r.more_than = true;
      } else if (u2 && u2->dimension == "duration") {
        r.unit = u2;
        r.end = e2;
        r.more_than = true;
      }
    } else if (k < t.size() && t[k] == U'月') {
      static const UnitWord month{"个月", "month", "duration", 1, false};
      r.unit = &month;
      r.end = k + 1;
    }
  }
  return r;
}

}  // namespace

double tidy(double v) {
  if (!std::isfinite(v) || v == 0 || (v == std::trunc(v) && std::fabs(v) < 1e15)) return v;
  // %.15g and back: to_chars with a precision writes what printf would, and
  // both directions round exactly (no stdio, no locale: a tenth of the cost).
  char buf[40];
  auto printed = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 15);
  double r = 0;
  if (std::from_chars(buf, printed.ptr, r).ec != std::errc()) return v;  // rounding DBL_MAX up overflows
  return std::isfinite(r) ? r : v;
}

namespace {

void set_unit(Quantity& q, const UnitWord* u) {
  q.unit = u->unit;
  q.dimension = u->dimension;
  q.counting = u->counting;
  if (u->unit == "percent" || u->unit == "permille") q.kind = QuantityKind::Percent;
  if (u->unit == "pp") q.kind = QuantityKind::Points;
}

}  // namespace

TextMarks TextMarks::compute(std::u32string_view t) {
  TextMarks m;
  m.quote_len.assign(t.size(), 0);
  m.in_title.assign(t.size(), 0);
  m.in_speech.assign(t.size(), 0);
  m.quote_open_at.assign(t.size(), 0);
  // Quotes: pair each opening mark with the next closing mark within a paragraph-ish distance.
  for (size_t i = 0; i < t.size(); ++i) {
    // “ or one of 《 》 「 」 『 (U+300A..U+300E): one range test for most characters
    if (t[i] != U'“' && t[i] - U'《' > U'『' - U'《') continue;
    if (t[i] == U'“' || t[i] == U'「' || t[i] == U'『') {
      char32_t close = t[i] == U'“' ? U'”' : (t[i] == U'「' ? U'」' : U'』');
      size_t j = i + 1;
      while (j < t.size() && j - i < 200 && t[j] != close && t[j] != t[i]) ++j;
      if (j < t.size() && t[j] == close) {
        m.quote_open_at[i] = 1;
        auto len = static_cast<uint8_t>(j - i - 1);  // under 200
        for (size_t k = i + 1; k < j; ++k) m.quote_len[k] = len;
        // Names and slogans have no inner punctuation; quoted speech does.
        if (std::u32string_view(t.data() + i + 1, j - i - 1).find_first_of(U"，。！？；,!?;") != std::u32string_view::npos)
          for (size_t k = i + 1; k < j; ++k) m.in_speech[k] = 1;
        i = j;
      }
    } else if (t[i] == U'《') {
      size_t j = i + 1;
      while (j < t.size() && j - i < 100 && t[j] != U'》' && t[j] != U'\n') ++j;
      if (j < t.size() && t[j] == U'》')
        for (size_t k = i + 1; k < j; ++k) m.in_title[k] = 1;
    }
  }
  return m;
}

bool read_year(std::u32string_view t, size_t pos, int* year, size_t* end) {
  // Called at every position by the time scan: reject non-numerals before the lexer.
  if (pos >= t.size() || !starts_numeral(t[pos])) return false;
  if (pos > 0 && (is_digit(t[pos - 1]) || t[pos - 1] == U'.')) return false;
  auto n = read_numeral(t, pos);
  return n && year_of_numeral(t, *n, year, end);
}

bool year_of_numeral(std::u32string_view t, const Numeral& n, int* year, size_t* end) {
  if (!year_like(n)) return false;
  size_t k = skip_ws(t, n.end);
  if (k >= t.size() || t[k] != U'年') return false;
  *year = static_cast<int>(n.value);
  *end = k + 1;
  return true;
}

std::vector<Quantity> find_quantities(std::u32string_view t, const TextMarks& marks, const Lexicon& lex) {
  std::vector<Quantity> out;
  out.reserve(t.size() / 16);  // dense text has a figure every ten to twenty characters
  const auto& qpre = lex.cues(CueKind::QualifierPrefix);
  const auto& qsuf = lex.cues(CueKind::QualifierSuffix);
  const auto& qsuf_dur = lex.cues(CueKind::QualifierSuffixDuration);
  const auto& range_sep = lex.cues(CueKind::RangeSep);
  const auto& noncl_prev = lex.cues(CueKind::NonclaimPrev);
  const auto& noncl_next = lex.cues(CueKind::NonclaimNext);
  const auto& noun_unit = lex.cues(CueKind::NounUnit);
  const auto& money_noun = lex.cues(CueKind::MoneyNoun);

  size_t i = 0;
  while (i < t.size()) {
    char32_t c = t[i];
    // most characters start no numeral (百 of 百分之 does); one table read
    if (!(lex.starts(c) & Lexicon::kNumeral)) {
      ++i;
      continue;
    }
    bool percent_words = false;  // 百分之五十
    size_t num_pos = i;
    if (c == U'百' && i + 2 < t.size() && t[i + 1] == U'分' && t[i + 2] == U'之') {
      percent_words = true;
      num_pos = i + 3;
    }
    if (!starts_numeral(c) || (is_digit(c) && i > 0 && (is_digit(t[i - 1]) || t[i - 1] == U'.'))) {
      ++i;
      continue;
    }
    // A Chinese numeral glued to a preceding numeral character was already read.
    auto n = read_numeral(t, num_pos);
    if (!n) { ++i; continue; }

    Quantity q;
    q.num_start = i;
    q.start = i;
    q.chinese = n->chinese;
    q.number = n->value;
    size_t end = n->end;
    bool more_than = n->more_than;

    // A sign before Arabic digits (增长-3.2%, 同比−1.5%, +0.8个百分点); a
    // hyphen after a digit or letter joins a range or a code (1-9月, H-1).
    bool signed_number = false;
    if (!n->chinese && i > 0 && (t[i - 1] == U'-' || t[i - 1] == U'−' || t[i - 1] == U'+') &&
        !(i >= 2 && (is_digit(t[i - 2]) || is_ascii_alpha(t[i - 2]) || t[i - 2] == U'.' || t[i - 2] == U'-'))) {
      signed_number = true;
      q.start = i - 1;
      if (t[i - 1] != U'+') q.number = -q.number;
    }

    // 三分之一, 4分之3: a fraction, read as a percent (百分之 is read above);
    // 一半 (超过一半, 一半以上的企业) too, unless a unit follows (一半年, 一个半月)
    bool fraction = false;
    if (n->chinese && n->value == 1 && end == i + 1 && end < t.size() && t[end] == U'半') {
      auto after = read_unit(t, end + 1, lex);
      if (!after.unit && !after.multiple) {
        fraction = true;
        q.number = 50;
        end = end + 1;
      }
    }
    if (!percent_words && !fraction && end + 2 < t.size() && t[end] == U'分' && t[end + 1] == U'之' && starts_numeral(t[end + 2])) {
      auto num = read_numeral(t, end + 2);
      if (num && n->value > 0 && num->value > 0 && num->value < n->value) {
        fraction = true;
        q.number = num->value / n->value * 100;
        end = num->end;
      }
    }

    // Arabic digits glued to Latin letters are names and versions (supOS4.0, H5, 5G).
    if (!n->chinese && !signed_number && i > 0 && (is_ascii_alpha(t[i - 1]) || t[i - 1] == U'.' || t[i - 1] == U'-')) {
      q.claim = false;
      q.not_claim = "code";
    }

    // 800余名 / 1100 余件: qualifier between numeral and unit. 来 says
    // "about" only after a round figure (二十来户, 100来人); elsewhere it is
    // the verb (5个来自…, 3年来).
    bool about = false;
    size_t k = skip_ws(t, end);
    bool round = q.number >= 10 && !n->has_decimal && std::fmod(q.number, 10) == 0;
    if (k < t.size() && (t[k] == U'多' || t[k] == U'余' || (t[k] == U'来' && round))) {
      auto ur = read_unit(t, k + 1, lex);
      if (ur.unit || ur.multiple) {
        (t[k] == U'来' ? about : more_than) = true;
        end = k + 1;
      }
    }

    UnitRead ur;
    if (percent_words || fraction) {
      static const UnitWord pct{"%", "percent", "ratio", 1, false};
      ur.unit = &pct;
      ur.end = end;
    } else {
      ur = read_unit(t, end, lex);
    }
    if (ur.more_than) more_than = true;
    // 度 is kWh only after a scale word (1.2亿度); 40度 is a temperature or an angle.
    if (ur.unit && ur.unit->word == "度" && !n->has_scale) ur = UnitRead{};
    // 6.2个和8.9个百分点: the first of a pair takes the unit the second ends with
    if (ur.unit && ur.unit->word == "个" && ur.end + 1 < t.size() &&
        (t[ur.end] == U'和' || t[ur.end] == U'、' || t[ur.end] == U'至' || t[ur.end] == U'到')) {
      if (auto n2 = starts_numeral(t[ur.end + 1]) ? read_numeral(t, ur.end + 1) : std::nullopt) {
        auto ur2 = read_unit(t, n2->end, lex);
        if (ur2.unit && ur2.unit->unit == "pp") ur.unit = ur2.unit;
      }
    }

    // Ranges: 2至3家, 10%—15%, 一到两家
    bool is_range = false;
    double high_number = 0;
    {
      size_t after_first = ur.unit || ur.multiple ? ur.end : end;
      size_t s = skip_ws(t, after_first);
      size_t send = 0;
      if (s < t.size() && range_sep.at(t, s, &send)) {
        size_t s2 = skip_ws(t, send);
        if (s2 < t.size() && starts_numeral(t[s2])) {
          auto n2 = read_numeral(t, s2);
          if (n2 && n2->chinese == n->chinese && n2->value > n->value) {
            auto ur2 = read_unit(t, n2->end, lex);
            bool units_agree = (!ur.unit && !ur.multiple) ||
                               (ur.unit && ur2.unit && ur.unit->unit == ur2.unit->unit) ||
                               (ur.multiple && ur2.multiple);
            if ((ur2.unit || ur2.multiple) && units_agree && !year_like(*n)) {
              is_range = true;
              high_number = n2->value;
              end = n2->end;
              ur = ur2;
            } else if (year_like(*n) && year_like(*n2)) {
              // 2019—2022年: a span of years, not a quantity
              q.claim = false;
              q.not_claim = "year range";
              end = n2->end;
            }
          }
        }
      }
    }

    // 五六十斤, 三五天: an approximate pair is a range
    if (n->high > 0 && !is_range && !fraction) {
      is_range = true;
      high_number = n->high;
    }

    if (ur.unit) {
      set_unit(q, ur.unit);
      q.end = ur.end;
      // 648公斤/亩, 1386元/间夜: the denominator is part of the unit as written
      if (q.end + 1 < t.size() && (t[q.end] == U'/' || t[q.end] == U'／')) {
        size_t a = q.end + 1, ue = 0, k = a;
        while (k < t.size() && k - a <= 3 && is_han(t[k])) ++k;
        if (k > a && k - a <= 3 && (k == t.size() || !is_han(t[k]))) q.end = k;  // a word (间夜)
        else if (lex.unit_at(t, a, &ue)) q.end = ue;                             // a unit (吨左右)
      }
    } else if (ur.multiple) {
      q.kind = QuantityKind::Multiple;
      q.end = ur.end;
    } else {
      q.end = end;
    }
    double factor = ur.unit ? ur.unit->factor : 1;

    // Years and dates are not claims: 2019年, 二〇一九年, 3月17日.
    {
      size_t a = skip_ws(t, end);
      if (a < t.size() && (t[a] == U'年' || t[a] == U'月' || t[a] == U'日' || t[a] == U'号') && !ur.unit && !ur.multiple) {
        q.claim = false;
        q.not_claim = "date";
      }
      if (year_like(*n) && !ur.unit && !ur.multiple && !is_range) {
        q.claim = false;
        q.not_claim = "year";
      }
    }

    // No unit: a scale word and a noun that implies the counting word
    // (800多万注册用户), or money words around it (营收300亿).
    if (!ur.unit && !ur.multiple && q.claim) {
      bool inferred = false;
      if (n->has_scale && !n->chinese) {
        size_t a = skip_ws(t, q.end);
        size_t limit = a;
        while (limit < t.size() && limit - a < 10 && is_han(t[limit])) ++limit;
        const Cue* cue = nullptr;
        // the noun after the figure (800多万注册用户), else just before it (注册用户已达800多万)
        size_t before = q.start;
        while (before > 0 && q.start - before < 10 && (is_han(t[before - 1]) || is_space(t[before - 1]))) --before;
        bool found = noun_unit.find(t, a, limit, &cue) != std::u32string_view::npos;
        // before the figure, the noun nearest to it counts (电商平台的注册用户已达...)
        for (size_t from = before; !found && from < q.start;) {
          const Cue* c2 = nullptr;
          size_t at = noun_unit.find(t, from, q.start, &c2);
          if (at == std::u32string_view::npos) break;
          cue = c2;
          from = at + 1;
          if (noun_unit.find(t, from, q.start) == std::u32string_view::npos) found = true;
        }
        if (found) {
          for (const auto& uw : lex.units)
            if (uw.word == cue->value) { set_unit(q, &uw); factor = 1; inferred = true; break; }
        } else if (n->value >= 1e8 || t[n->end - 1] == U'亿') {
          // 亿 with no unit word: newspapers drop 元 after money words only
          size_t from = q.start >= 20 ? q.start - 20 : 0;
          if (money_noun.find(t, from, q.start) != std::u32string_view::npos)
            for (const auto& uw : lex.units)
              if (uw.word == "元") { set_unit(q, &uw); inferred = true; break; }
        }
      }
      if (!inferred) {
        q.claim = false;
        q.not_claim = "no unit";
      }
    }

    // Qualifier before the numeral (约, 近, 超过, 突破, 上千).
    {
      size_t b = skip_ws_back(t, q.start);
      size_t qs = 0;
      const Cue* cue = qpre.ending_at(t, b, &qs);
      if (cue && !(cue->word == "上" && !n->bare_scale)) {
        q.qualifier = cue->value;
        q.start = qs;
      }
    }
    // 八成五, 三成六: a digit after 成 is the next tenth (85%, 36%)
    if (ur.unit && ur.unit->word == "成" && !is_range && q.end < t.size()) {
      static constexpr std::u32string_view kDigits = U"一二三四五六七八九";
      const size_t d = kDigits.find(t[q.end]);
      const size_t after = q.end + 1;
      size_t ue = 0;
      if (d != std::u32string_view::npos &&
          (after >= t.size() || (!starts_numeral(t[after]) && !lex.unit_at(t, after, &ue)))) {
        q.number += static_cast<double>(d + 1) / 10;
        q.end = after;
      }
    }
    // Qualifier after the unit (以上, 左右, 以内 for durations).
    size_t suffix_end = q.end;
    {
      size_t a = skip_ws(t, q.end);
      size_t se = 0;
      const Cue* cue = qsuf.at(t, a, &se);
      if (!cue && q.dimension == "duration") cue = qsuf_dur.at(t, a, &se);
      if (cue) {
        if (q.qualifier == "exact") q.qualifier = cue->value;
        suffix_end = se;
      }
    }
    // 一成多, 一倍多: 多 after a proportion says "a little more"
    if (suffix_end == q.end && (q.kind == QuantityKind::Multiple || (ur.unit && ur.unit->word == "成"))) {
      size_t a = skip_ws(t, q.end);
      if (a < t.size() && (t[a] == U'多' || t[a] == U'余')) {
        more_than = true;
        suffix_end = a + 1;
      }
    }
    if (more_than && q.qualifier == "exact") q.qualifier = "more_than";
    if (about && q.qualifier == "exact") q.qualifier = "approx";

    // Values
    q.value = tidy(q.number * factor);
    if (is_range) {
      q.qualifier = "range";
      q.low = tidy(q.number * factor);
      q.high = tidy(high_number * factor);
    }

    // No statistic has 20 integer digits or a value past 1e20 in its unit: such
    // a numeral is a code, a typo or an attack, not a figure.
    if (q.claim && (n->int_digits > 20 || !(std::fabs(q.value) < 1e20) || (q.low && !(std::fabs(*q.high) < 1e20)))) {
      q.claim = false;
      q.not_claim = "absurd";
    }
    // Ordinals, codes and periods: 第四届, 前两个月, 每两月.
    if (q.claim) {
      size_t b = skip_ws_back(t, q.start);
      if (noncl_prev.ending_at(t, b, nullptr, false)) { q.claim = false; q.not_claim = "ordinal"; }
    }
    // Words after the number that make it a name (4号线, 500强, 第六代, 百亿级).
    if (q.claim && !ur.unit && !ur.multiple) {
      size_t a = skip_ws(t, q.end);
      if (noncl_next.at(t, a, nullptr, false)) { q.claim = false; q.not_claim = "name"; }
    }
    if (q.claim && ur.unit && q.end < t.size() && noncl_next.at(t, q.end, nullptr, false) &&
        (t[q.end] == U'级' || t[q.end] == U'强')) {
      q.claim = false;
      q.not_claim = "name";
    }
    // Chinese numerals: 一 alone is mostly "a" (一个, 一名); slogans and names
    // (三个“一号工程”, “百名干部助百企”) are not figures; bare scale words
    // counting things need a qualifier (上千家 yes, 万人计划 no).
    if (q.claim && n->chinese) {
      bool rate_word = q.kind != QuantityKind::Amount;
      if (q.number == 1 && !is_range && q.qualifier == "exact" && !rate_word) {
        q.claim = false;
        q.not_claim = "one";
      }
      if (marks.quote_len[i] > 0 && !marks.in_speech[i]) { q.claim = false; q.not_claim = "slogan"; }
      size_t a = skip_ws(t, suffix_end);
      if (a < t.size() && marks.quote_open_at[a] && q.counting) { q.claim = false; q.not_claim = "name"; }
      if (n->bare_scale && q.counting && q.qualifier == "exact") { q.claim = false; q.not_claim = "bare scale"; }
      if (n->bare_scale && lex.cues(CueKind::PerUnitNext).at(t, skip_ws(t, q.end), nullptr)) { q.claim = false; q.not_claim = "per unit"; }
      if (n->digit_sequence) { q.claim = false; q.not_claim = "digits"; }
      if (n->end == i + 1 && n->value < 10 && c != U'两' && lex.cues(CueKind::PhaseWord).at(t, n->end, nullptr, false)) {
        q.claim = false;
        q.not_claim = "phase";
      }
    }
    // Short quoted names hold numbers that are not figures (“最多80天”, “246”).
    if (q.claim && marks.quote_len[i] > 0 && marks.quote_len[i] < 10) { q.claim = false; q.not_claim = "quoted name"; }
    if (q.claim && marks.in_title[i]) { q.claim = false; q.not_claim = "title"; }
    // Thresholds: 亿元以上项目, 5000万元以上重大工业投资项目 describe a class, not a figure.
    if (q.claim && !q.counting && q.kind == QuantityKind::Amount && q.dimension != "duration" && suffix_end > q.end) {
      size_t a = skip_ws(t, suffix_end);
      if (a < t.size() && t[a] == U'的') a = skip_ws(t, a + 1);
      if (a < t.size() && is_han(t[a]) && (q.qualifier == "more_than" || q.qualifier == "less_than")) {
        q.claim = false;
        q.not_claim = "threshold";
      }
    }
    // 超10亿元项目: an amount with 超 before it and a class noun after it is a size class too.
    if (q.claim && !q.counting && q.kind == QuantityKind::Amount && q.qualifier == "more_than" && suffix_end == q.end &&
        lex.cues(CueKind::ThresholdNoun).at(t, skip_ws(t, q.end), nullptr)) {
      q.claim = false;
      q.not_claim = "threshold";
    }
    if (q.claim && q.kind == QuantityKind::Amount && q.dimension != "currency" && q.value == 0) {
      q.claim = false;
      q.not_claim = "zero";
    }
    q.end = suffix_end;
    if (!std::isfinite(q.value)) q.value = 0;
    size_t next = std::max(q.end, end);
    out.push_back(std::move(q));
    i = next;
    if (i <= out.back().num_start) i = out.back().num_start + 1;
  }
  return out;
}

}  // namespace claimdb::extract
