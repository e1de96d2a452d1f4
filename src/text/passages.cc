// Placeholder until the ICU splitter lands: one passage per line.
#include "claimdb/passages.h"
namespace claimdb {
std::vector<Passage> split_passages(std::u32string_view text) {
  std::vector<Passage> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == U'\n') {
      if (i > start) out.push_back({start, i, 0});
      start = i + 1;
    }
  return out;
}
}  // namespace claimdb
