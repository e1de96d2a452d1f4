// The number lexer: reads one numeral at a position of folded text (see
// text_fold.h). Arabic digits with decimals and thousands separators,
// Chinese numerals (一千二百三十四, 两千, 三万五千, 〇/零, 十几, 百余, 数十,
// approximate pairs 五六十, 三五),
// and mixed forms (1.2万亿, 3千万, 800多万), with whitespace allowed between
// the parts as scanned text has it (63.92 亿).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace claimdb::extract {

struct Numeral {
  size_t start = 0, end = 0;  // span in the text; end is after the last scale word
  double value = 0;
  bool chinese = false;       // written with Chinese numerals
  bool bare_scale = false;    // only scale words, no digit (百余, 千亿, 万)
  bool more_than = false;     // 多/余/几/数 inside the numeral (800多万, 十几, 数十)
  bool has_scale = false;     // a scale word (十百千万亿) multiplies it
  bool digit_sequence = false;  // digits read one by one (二〇一九)
  int int_digits = 0;         // Arabic digits before the decimal point
  bool has_decimal = false;
  bool has_separator = false;  // 1,234
  double high = 0;             // an approximate pair's upper end (五六十 -> 50 to 60; 三五天); 0 when none
};

namespace detail {
// The Chinese characters that can start a numeral, as a bitmap over the CJK
// Unified Ideographs block (U+4E00..U+9FFF), built at compile time.
inline constexpr std::u32string_view kNumeralIdeographs = U"零一二两三四五六七八九十百千万亿数几";
inline constexpr auto kNumeralIdeographBits = [] {
  std::array<uint64_t, 0x5200 / 64> bits{};
  for (char32_t c : kNumeralIdeographs) bits[(c - 0x4E00) >> 6] |= uint64_t{1} << ((c - 0x4E00) & 63);
  return bits;
}();
}  // namespace detail

// True when c can start a numeral (called at every character: kept inline,
// one bit test for an ideograph).
inline bool starts_numeral(char32_t c) {
  if (c < 0x4E00) return (c >= U'0' && c <= U'9') || c == U'〇';
  uint32_t k = c - 0x4E00;
  return k < 0x5200 && (detail::kNumeralIdeographBits[k >> 6] >> (k & 63) & 1);
}

// Reads the numeral starting at text[pos]; nullopt when there is none.
// Values are capped to finite doubles; absurd inputs never overflow.
std::optional<Numeral> read_numeral(std::u32string_view text, size_t pos);

// Value of a Chinese numeral word alone (两 -> 2, 一千二百 -> 1200); for tests and cn_number().
std::optional<double> chinese_numeral_value(std::u32string_view s);

}  // namespace claimdb::extract
