// Chinese word segmentation for the word-level search index and the icu_zh
// FTS5 tokenizer. Text is normalized with ICU's NFKC_Casefold (full-width
// ＧＤＰ and １２ become gdp and 12, Kangxi radicals their ideographs, case
// is folded) and split into words with ICU's dictionary-based word
// BreakIterator; spaces and punctuation are dropped. Every word keeps the
// byte range of the original (unnormalized) text it came from, so hits can
// be marked in the text as stored.
//
// A WordSegmenter owns an ICU BreakIterator and is not thread-safe: use one
// per thread (WordSegmenter::for_thread()).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace claimdb::text {

struct Word {
  std::string text;        // NFKC_Casefold form, UTF-8
  size_t begin = 0;        // byte range in the input
  size_t end = 0;
  bool ideographic = false;  // Han (or other ideographic) word
};

class WordSegmenter {
 public:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // The words of `utf8` in order. Invalid UTF-8 bytes count as U+FFFD.
  std::vector<Word> words(std::string_view utf8);

  // The chars tokens of `utf8` (see segmented_chars), each with the byte
  // range of the input it came from: what search marks hits with.
  std::vector<Word> char_tokens(std::string_view utf8);

  // Both of the above from one pass of the BreakIterator (half the work).
  struct Segments {
    std::vector<Word> words, chars;
  };
  Segments words_and_chars(std::string_view utf8);

  // This thread's segmenter (created on first use).
  static WordSegmenter& for_thread();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Segments segment(std::string_view utf8, bool want_words, bool want_chars);
};

// The words of `utf8` joined by single spaces: what the `words` column of
// passages_words stores ("全区 实现 地区 生产总值 1170.1 亿元").
std::string segmented_words(std::string_view utf8);

// The same words with every ideograph a token of its own and other runs
// (Latin words, numbers) kept whole: what the `chars` column stores
// ("全 区 实 现 地 区 生 产 总 值 1170.1 亿 元"). A phrase of these tokens
// matches any substring, whatever the segmentation.
std::string segmented_chars(std::string_view utf8);

// segmented_words and segmented_chars of the same text, from one pass.
struct SegmentedForms {
  std::string words, chars;
};
SegmentedForms segmented_forms(std::string_view utf8);

// Splits one normalized word into chars tokens (see segmented_chars).
std::vector<std::string> char_tokens(std::string_view word);

// True for the characters unicode61 keeps inside tokens: letters,
// numbers, private use, marks (everything else separates tokens).
bool is_token_char(char32_t c);

// True for the ideographs that become single-character tokens.
bool is_ideograph(char32_t c);

// NFKC_Casefold of a whole string (no segmentation).
std::string fold_text(std::string_view utf8);

}  // namespace claimdb::text
