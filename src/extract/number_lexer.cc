#include "extract/number_lexer.h"

#include <cmath>
#include <limits>

#include "extract/text_fold.h"

namespace claimdb::extract {

namespace {

int cn_digit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

double cn_unit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 1e4;
    case U'亿': return 1e8;
    default: return 0;
  }
}

double clamp(double v) {
  if (!std::isfinite(v)) return std::numeric_limits<double>::max();
  return v;
}

// Scale words after Arabic digits: 万, 亿, 千万, 万亿, 百万 (not 十: "3十" is not written).
size_t read_arabic_scale(std::u32string_view t, size_t i, double* mult) {
  *mult = 1;
  size_t j = i;
  while (j < t.size()) {
    char32_t c = t[j];
    if (c == U'百' || c == U'千' || c == U'万' || c == U'亿') {
      *mult *= cn_unit(c);
      ++j;
      // scanned text: "110 亿 元" has spaces between scale and unit, handled by the caller
      continue;
    }
    break;
  }
  return j;
}

std::optional<Numeral> read_arabic(std::u32string_view t, size_t pos) {
  Numeral n;
  n.start = pos;
  size_t i = pos;
  double v = 0;
  while (i < t.size()) {
    if (is_digit(t[i])) {
      v = v * 10 + (t[i] - U'0');
      ++n.int_digits;
      ++i;
    } else if (t[i] == U',' && i + 3 < t.size() && is_digit(t[i + 1]) && is_digit(t[i + 2]) &&
               is_digit(t[i + 3]) && (i + 4 >= t.size() || !is_digit(t[i + 4]))) {
      n.has_separator = true;  // thousands separator: exactly three digits follow
      ++i;
    } else {
      break;
    }
  }
  if (n.int_digits == 0) return std::nullopt;
  if (i + 1 < t.size() && t[i] == U'.' && is_digit(t[i + 1])) {
    n.has_decimal = true;
    ++i;
    double scale = 0.1;
    while (i < t.size() && is_digit(t[i])) {
      v += (t[i] - U'0') * scale;
      scale /= 10;
      ++i;
    }
  }
  n.end = i;
  // 800多万 / 8500余万: the qualifier sits between digits and scale.
  size_t j = skip_ws(t, i);
  size_t k = j;
  bool q = false;
  if (k < t.size() && (t[k] == U'多' || t[k] == U'余')) {
    size_t after = skip_ws(t, k + 1);
    if (after < t.size() && (t[after] == U'万' || t[after] == U'亿' || t[after] == U'千' || t[after] == U'百')) {
      q = true;
      k = after;
    }
  }
  double mult = 1;
  size_t e = read_arabic_scale(t, k, &mult);
  if (e > k) {
    n.has_scale = true;
    n.more_than = q;
    n.end = e;
    v *= mult;
  }
  n.value = clamp(v);
  return n;
}

std::optional<Numeral> read_chinese(std::u32string_view t, size_t pos) {
  Numeral n;
  n.start = pos;
  n.chinese = true;
  size_t i = pos;
  // 数十 / 数百 / 几十: "several tens"
  bool several = false;
  if ((t[i] == U'数' || t[i] == U'几') && i + 1 < t.size() && cn_unit(t[i + 1]) > 0 && t[i + 1] != U'亿') {
    several = true;
  } else if (cn_digit(t[i]) < 0 && cn_unit(t[i]) == 0) {
    return std::nullopt;
  }
  double total = 0, section = 0, number = several ? 1 : 0;
  if (several) ++i;
  // 五六十, 两三百, 三五天: two neighbouring digits (or 三五) read as a range,
  // scaled by what follows; not inside a run of digits (一二三, 二〇二三)
  int pair_low = 0, pair_high = 0;
  if (!several && i + 1 < t.size()) {
    int d1 = cn_digit(t[i]), d2 = cn_digit(t[i + 1]);
    bool pair = d1 >= 1 && d2 >= 1 && (d2 == d1 + 1 || (d1 == 3 && d2 == 5));
    if (pair && (i + 2 >= t.size() || cn_digit(t[i + 2]) < 0) && (i == 0 || cn_digit(t[i - 1]) < 0)) {
      pair_low = d1;
      pair_high = d2;
    }
  }
  bool any_digit = several, any_unit = false, last_was_digit = false;
  double seq = 0;
  int seq_len = 0;
  bool sequence = false;
  while (i < t.size()) {
    char32_t c = t[i];
    int d = cn_digit(c);
    double u = cn_unit(c);
    if (d == 0 && any_unit && !last_was_digit && i + 1 < t.size() && cn_digit(t[i + 1]) > 0) {
      ++i;  // 一万零五百, 一百零八: 零 holds an empty place
      continue;
    }
    if (d >= 0 && pair_low && i == pos) {
      number = pair_low;
      any_digit = true;
      last_was_digit = true;
      i += 2;
      continue;
    }
    if (d >= 0) {
      if (last_was_digit) {
        if (any_unit) break;  // "三万五千一二" is not a numeral we read
        sequence = true;
      }
      if (!any_unit) { seq = seq * 10 + d; ++seq_len; }
      number = d;
      any_digit = true;
      last_was_digit = true;
      ++i;
      continue;
    }
    if (u > 0 && !sequence) {
      if (u == 10 && number == 0 && !last_was_digit) number = 1;  // 十二 = 12
      if (u >= 1e4) {
        if (number == 0 && section == 0 && total == 0) number = 1;  // 万 alone
        if (u == 1e8) total = (total + section + number) * u;
        else total += (section + number) * u;
        section = 0;
      } else {
        if (number == 0 && !last_was_digit) number = 1;  // 百余, 千亿
        section += number * u;
      }
      number = 0;
      any_unit = true;
      last_was_digit = false;
      ++i;
      continue;
    }
    // 十几 / 二十多 / 百余 inside the numeral
    if ((c == U'几' || c == U'多' || c == U'余') && any_unit && !last_was_digit) {
      // only when a scale word or a unit follows, otherwise 多 belongs to the next word
      size_t nx = i + 1;
      if (nx < t.size() && (cn_unit(t[nx]) >= 1e4)) {
        n.more_than = true;
        ++i;
        continue;
      }
      if (c == U'几') { n.more_than = true; ++i; continue; }
      break;  // 多/余 before a unit: the caller reads it
    }
    // 三点五: a decimal point between Chinese digits
    if (c == U'点' && last_was_digit && !any_unit && i + 1 < t.size() && cn_digit(t[i + 1]) >= 0) {
      double frac = 0, scale = 0.1;
      size_t k = i + 1;
      while (k < t.size() && cn_digit(t[k]) >= 0) { frac += cn_digit(t[k]) * scale; scale /= 10; ++k; }
      number += frac;
      i = k;
      n.has_decimal = true;
      last_was_digit = false;
      break;
    }
    break;
  }
  if (i == pos) return std::nullopt;
  n.end = i;
  if (sequence) {
    n.digit_sequence = true;
    n.value = seq;
    n.int_digits = seq_len;
  } else {
    n.value = clamp(total + section + number);
    n.has_scale = any_unit;
    if (pair_low) n.high = clamp(n.value / pair_low * pair_high);
  }
  n.more_than = n.more_than || several;
  n.bare_scale = !any_digit && any_unit && cn_unit(t[pos]) >= 100;
  if (n.value == 0 && !any_digit && !any_unit) return std::nullopt;
  return n;
}

}  // namespace

std::optional<Numeral> read_numeral(std::u32string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  if (is_digit(text[pos])) return read_arabic(text, pos);
  return read_chinese(text, pos);
}

std::optional<double> chinese_numeral_value(std::u32string_view s) {
  auto folded = fold(s);
  auto n = read_numeral(folded, 0);
  if (!n || n->end != folded.size()) return std::nullopt;
  return n->value;
}

}  // namespace claimdb::extract
