// Character-level helpers for the extractor. fold() maps each code point to
// its NFKC form when that form is a single code point (full-width digits,
// letters and punctuation to ASCII, ideographic space to space), so the
// folded text has the same length and offsets as the original.
#pragma once
#include <string>
#include <string_view>

namespace claimdb::extract {

char32_t fold_char(char32_t c);
std::u32string fold(std::u32string_view text);

inline bool is_space(char32_t c) {
  return c == U' ' || c == U'\n' || c == U'\r' || c == U'\t' || c == 0x3000 || c == 0xA0;
}
// The first non-space position at or after i; the position after the last
// non-space before i.
inline size_t skip_ws(std::u32string_view t, size_t i) {
  while (i < t.size() && is_space(t[i])) ++i;
  return i;
}
inline size_t skip_ws_back(std::u32string_view t, size_t i) {
  while (i > 0 && is_space(t[i - 1])) --i;
  return i;
}
inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool is_ascii_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
// CJK ideographs (the letters of running Chinese text).
inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF) ||
         c == 0x3007;
}
// Ends a sentence. (Ideographs, kana and hangul, U+3003..U+FF00, end
// nothing: one test settles most characters of running text.)
inline bool is_sentence_end(char32_t c) {
  if (c - 0x3003u < 0xFF01u - 0x3003u) return false;
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'；' || c == U';' ||
         c == U'…';
}
// Ends a clause (also ends on sentence ends).
inline bool is_clause_end(char32_t c) {
  if (c - 0x3003u < 0xFF01u - 0x3003u) return false;
  return is_sentence_end(c) || c == U'，' || c == U',' || c == U'：' || c == U':';
}
inline bool is_open_quote(char32_t c) { return c == U'“' || c == U'「' || c == U'『' || c == U'"'; }
inline bool is_close_quote(char32_t c) { return c == U'”' || c == U'」' || c == U'』'; }

}  // namespace claimdb::extract
