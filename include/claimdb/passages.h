// Splits a document into passages (sentences) with code-point offsets into
// the text, using ICU's sentence break iterator plus Chinese sentence
// punctuation, and joining sentences that a line break cut in two.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace claimdb {

struct Passage {
  size_t start;  // code-point offset of the first character (0-based)
  size_t end;    // one past the last character; never starts or ends in whitespace
  size_t paragraph;  // 0-based index of the paragraph the passage starts in
};

// Passages of `text` (UTF-32, so offsets are code points), in order.
// Blank lines separate paragraphs; a single line break inside a sentence
// (scanned pages) does not end the passage.
std::vector<Passage> split_passages(std::u32string_view text);

}  // namespace claimdb
