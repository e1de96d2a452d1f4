// Hit marking for search results; see search_snippet.h.
#include "store/search_snippet.h"

#include <algorithm>
#include <utility>

#include "text/word_segmenter.h"

namespace claimdb::search {

namespace {

size_t char_count(std::string_view s, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

// Byte offset `chars` code points after `from` (or the end).
size_t advance(std::string_view s, size_t from, size_t chars) {
  size_t i = from;
  while (i < s.size() && chars > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --chars;
  }
  return i;
}

}  // namespace

std::string mark_snippet(std::string_view text, const std::vector<MarkTerm>& terms, const std::string& open,
                         const std::string& close, size_t max_chars) {
  auto tokens = text::WordSegmenter::for_thread().char_tokens(text);
  std::vector<std::pair<size_t, size_t>> marks;  // byte ranges
  for (const MarkTerm& t : terms) {
    const size_t m = t.tokens.size();
    for (size_t i = 0; m > 0 && i + m <= tokens.size(); ++i) {
      bool ok = true;
      for (size_t k = 0; ok && k < m; ++k) {
        const std::string& have = tokens[i + k].text;
        const std::string& want = t.tokens[k];
        ok = (k + 1 == m && t.prefix) ? have.compare(0, want.size(), want) == 0 : have == want;
      }
      if (ok) marks.emplace_back(tokens[i].begin, tokens[i + m - 1].end);
    }
  }
  std::sort(marks.begin(), marks.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (auto r : marks) {
    if (!merged.empty() && r.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }

  size_t from = 0, to = text.size();
  if (max_chars > 0 && char_count(text, 0, text.size()) > max_chars) {
    size_t first = merged.empty() ? 0 : merged.front().first;
    size_t before = char_count(text, 0, first);
    size_t lead = std::min(before, max_chars / 4);
    from = advance(text, 0, before - lead);
    to = advance(text, from, max_chars);
  }
  std::string out;
  if (from > 0) out += "…";
  size_t at = from;
  for (auto [b, e] : merged) {
    if (e <= from || b >= to) continue;
    b = std::max(b, from);
    e = std::min(e, to);
    out.append(text.substr(at, b - at)).append(open).append(text.substr(b, e - b)).append(close);
    at = e;
  }
  out.append(text.substr(at, to - at));
  if (to < text.size()) out += "…";
  return out;
}

}  // namespace claimdb::search
