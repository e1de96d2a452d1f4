// ICU-based word segmentation with NFKC_Casefold; see word_segmenter.h.
#include "text/word_segmenter.h"

#include "util/utf.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace claimdb::text {

namespace {

struct CodePoint {
  char32_t c;
  size_t begin, end;  // bytes in the input
};

// Decodes UTF-8 keeping each code point's byte range; bad bytes are U+FFFD.
std::vector<CodePoint> decode(std::string_view s) {
  std::vector<CodePoint> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t begin = i;
    char32_t c = next_code_point(s, i);
    out.push_back({c, begin, i});
  }
  return out;
}

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || !n) throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
  return *n;
}

// The words' texts joined by single spaces: a column of passage_segments.
std::string join(const std::vector<Word>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w.text;
  }
  return out;
}

}  // namespace

// Characters unicode61 keeps inside tokens: letters, numbers, private use, marks.
bool is_token_char(char32_t c) {
  int8_t t = u_charType(static_cast<UChar32>(c));
  switch (t) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER: case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
    case U_PRIVATE_USE_CHAR: case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

bool is_ideograph(char32_t c) {
  return c == 0x3007 || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC);
}

struct WordSegmenter::Impl {
  const icu::Normalizer2& norm = nfkc_casefold();
  std::unique_ptr<icu::BreakIterator> words;

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status) || !words)
      throw std::runtime_error(std::string("ICU word BreakIterator: ") + u_errorName(status));
  }
};

WordSegmenter::WordSegmenter() : impl_(std::make_unique<Impl>()) {}
WordSegmenter::~WordSegmenter() = default;

WordSegmenter& WordSegmenter::for_thread() {
  thread_local WordSegmenter segmenter;
  return segmenter;
}

std::vector<Word> WordSegmenter::words(std::string_view utf8) { return segment(utf8, true, false).words; }
std::vector<Word> WordSegmenter::char_tokens(std::string_view utf8) { return segment(utf8, false, true).chars; }
WordSegmenter::Segments WordSegmenter::words_and_chars(std::string_view utf8) { return segment(utf8, true, true); }

WordSegmenter::Segments WordSegmenter::segment(std::string_view utf8, bool want_words, bool want_chars) {
  std::vector<CodePoint> cps = decode(utf8);
  // The normalized text, built chunk by chunk (a chunk starts at each
  // normalization boundary), with the input byte range of every UTF-16 unit.
  icu::UnicodeString normalized;
  std::vector<size_t> from, to;
  normalized.getBuffer(static_cast<int32_t>(cps.size()) + 16);
  normalized.releaseBuffer(0);
  from.reserve(cps.size() + 16);
  to.reserve(cps.size() + 16);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString chunk, out;
  for (size_t i = 0; i < cps.size();) {
    size_t j = i + 1;
    while (j < cps.size() && !impl_->norm.hasBoundaryBefore(static_cast<UChar32>(cps[j].c))) ++j;
    const size_t b = cps[i].begin, e = cps[j - 1].end;
    int32_t before = normalized.length();
    if (j == i + 1 && impl_->norm.isInert(static_cast<UChar32>(cps[i].c))) {
      normalized.append(static_cast<UChar32>(cps[i].c));
    } else {
      chunk.remove();
      for (size_t k = i; k < j; ++k) chunk.append(static_cast<UChar32>(cps[k].c));
      impl_->norm.normalize(chunk, out, status);
      if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
      normalized.append(out);
    }
    for (int32_t k = before; k < normalized.length(); ++k) {
      from.push_back(b);
      to.push_back(e);
    }
    i = j;
  }

  // One pass of the dictionary BreakIterator serves both forms: chars tokens
  // are cut from the same words, so the two columns always agree.
  Segments result;
  icu::BreakIterator& bi = *impl_->words;
  bi.setText(normalized);
  int32_t start = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    int32_t rule = bi.getRuleStatus();
    if (rule < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    if (want_words) {
      Word w;
      normalized.tempSubStringBetween(start, end).toUTF8String(w.text);
      w.begin = from[start];
      w.end = to[end - 1];
      w.ideographic = rule >= UBRK_WORD_KANA;  // kana and ideographic words
      result.words.push_back(std::move(w));
    }
    if (!want_chars) continue;
    // Chars tokens: each ideograph alone, runs of token characters whole.
    Word run;
    int32_t run_start = -1;
    auto flush = [&](int32_t at) {
      if (run_start < 0) return;
      normalized.tempSubStringBetween(run_start, at).toUTF8String(run.text);
      run.begin = from[run_start];
      run.end = to[at - 1];
      result.chars.push_back(std::move(run));
      run = Word();
      run_start = -1;
    };
    for (int32_t k = start; k < end;) {
      UChar32 c = normalized.char32At(k);
      int32_t next = k + U16_LENGTH(c);
      if (is_ideograph(static_cast<char32_t>(c))) {
        flush(k);
        Word w;
        normalized.tempSubStringBetween(k, next).toUTF8String(w.text);
        w.begin = from[k];
        w.end = to[next - 1];
        w.ideographic = true;
        result.chars.push_back(std::move(w));
      } else if (is_token_char(static_cast<char32_t>(c))) {
        if (run_start < 0) run_start = k;
      } else {
        flush(k);
      }
      k = next;
    }
    flush(end);
  }
  return result;
}

std::vector<std::string> char_tokens(std::string_view word) {
  std::vector<std::string> out;
  std::string run;
  auto flush = [&] {
    if (!run.empty()) out.push_back(std::move(run));
    run.clear();
  };
  for (const CodePoint& cp : decode(word)) {
    std::string_view bytes = word.substr(cp.begin, cp.end - cp.begin);
    if (is_ideograph(cp.c)) {
      flush();
      out.emplace_back(bytes);
    } else if (is_token_char(cp.c)) {
      run += bytes;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::string segmented_words(std::string_view utf8) { return join(WordSegmenter::for_thread().words(utf8)); }

std::string segmented_chars(std::string_view utf8) { return join(WordSegmenter::for_thread().char_tokens(utf8)); }

SegmentedForms segmented_forms(std::string_view utf8) {
  WordSegmenter::Segments s = WordSegmenter::for_thread().words_and_chars(utf8);
  return {join(s.words), join(s.chars)};
}

std::string fold_text(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = nfkc_casefold().normalize(in, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
  std::string s;
  out.toUTF8String(s);
  return s;
}

}  // namespace claimdb::text
