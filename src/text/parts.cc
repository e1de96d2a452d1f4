#include "text/parts.h"

#include <algorithm>

namespace claimdb::text {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Position after the last blank line ending in [lo, hi): a '\n' whose line
// before it holds only blanks back to an earlier '\n'.
size_t after_blank_line(std::string_view t, size_t lo, size_t hi) {
  for (size_t i = hi; i-- > lo;) {
    if (t[i] != '\n') continue;
    size_t j = i;
    while (j > lo && is_blank(t[j - 1])) --j;
    if (j > lo && t[j - 1] == '\n') return i + 1;
  }
  return 0;
}

size_t after_last_of(std::string_view t, size_t lo, size_t hi, std::string_view what) {
  if (hi - lo < what.size()) return 0;
  std::string_view window = t.substr(lo, hi - lo);
  size_t at = window.rfind(what);
  return at == std::string_view::npos ? 0 : lo + at + what.size();
}

}  // namespace

size_t part_end(std::string_view text, size_t from, size_t target) {
  target = std::max<size_t>(target, 16);
  if (text.size() - from <= target) return text.size();
  const size_t hi = from + target, lo = from + target / 2;
  if (size_t cut = after_blank_line(text, lo, hi)) return cut;
  if (size_t cut = after_last_of(text, lo, hi, "\n")) return cut;
  size_t best = 0;
  for (std::string_view end : {"。", "！", "？"}) best = std::max(best, after_last_of(text, lo, hi, end));
  if (best) return best;
  size_t cut = hi;  // back to the first byte of a character (not 10xxxxxx)
  while (cut > from + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace claimdb::text
