// Finds quantities in folded text: a numeral with its scale, unit word,
// qualifiers (约, 多, 以上, ...) and ranges (2至3家), and decides which are
// not claims (years, dates, ordinals, names and slogans holding numerals).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/number_lexer.h"

namespace claimdb::extract {

class Lexicon;

enum class QuantityKind {
  Amount,    // a level or an absolute amount in some unit
  Percent,   // % or 成: a level in percent, or a rate when a growth verb precedes
  Points,    // 个百分点
  Multiple,  // 倍
};

struct Quantity {
  size_t start = 0, end = 0;  // the quote: qualifiers, numeral(s), unit
  size_t num_start = 0;       // first numeral
  QuantityKind kind = QuantityKind::Amount;
  double number = 0;          // the numeral's value (low end of a range), before unit factor
  double value = 0;           // in base units
  std::optional<double> low, high;  // ranges, in base units
  // The words below point into the lexicon's tables or are literals: they
  // live as long as the program, and a quantity copies no string.
  std::string_view unit;      // canonical code, "" when none
  std::string_view dimension;
  bool counting = false;      // unit is a classifier (家, 个, 人, ...)
  std::string_view qualifier = "exact";
  bool chinese = false;       // the numeral is written in Chinese
  bool claim = true;          // false: a year, date, name, threshold, ...
  std::string_view not_claim;  // why not, for debugging and tests
};

// Per-position facts about quotation marks and book titles, computed once per document.
// (Bytes rather than vector<bool>: the scans test them at every candidate.)
struct TextMarks {
  std::vector<uint8_t> quote_len;      // length of the “...” span a position sits in (< 200), 0 outside
  std::vector<uint8_t> in_title;       // 1 inside 《...》
  std::vector<uint8_t> in_speech;      // 1 inside a quote holding a clause (“今年订单增长了四成。”), not a name
  std::vector<uint8_t> quote_open_at;  // 1 where an opening quote starts
  static TextMarks compute(std::u32string_view folded);
};

// All quantities in `folded`, left to right, not overlapping.
std::vector<Quantity> find_quantities(std::u32string_view folded, const TextMarks& marks, const Lexicon& lex);

// Rounds binary noise away (4550.1 x 1e8): 15 significant digits are all a text has.
double tidy(double v);

// Years written as numbers (2019年, 二〇一九年, "2019 年"); true and the year when one starts at pos.
bool read_year(std::u32string_view folded, size_t pos, int* year, size_t* end);
// The same for the numeral `n` already read at its start (read_year without
// the check that no digit or point precedes it).
bool year_of_numeral(std::u32string_view folded, const Numeral& n, int* year, size_t* end);

}  // namespace claimdb::extract
