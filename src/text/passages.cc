// Sentence splitting for claim extraction (see claimdb/passages.h).
//
// Three layers:
//  1. Lines and paragraphs. Blank lines, form feeds and U+2029 end a
//     paragraph; a Markdown heading ("# ...") is a paragraph of its own and
//     one passage (without the "#" marks).
//  2. Sentences inside a paragraph. ICU's sentence BreakIterator runs on a
//     UTF-16 copy of the paragraph in which line breaks are replaced by
//     spaces (same length, so offsets survive): ICU treats every line break
//     as a hard break, but in laid-out text a single line break is just
//     wrapping. We add breaks after ；; and … (ICU has none there) and keep
//     the closing quotes/brackets that follow with the sentence. A line
//     break still ends a passage when the next line starts a list item
//     ("（一）", "1、", "- ").
//  3. Sentences cut by a blank line. Scanned or laid-out pages break a
//     sentence across blank lines, sometimes with a photo caption in
//     between ("…平均物流成\n\n湖滨物流园区\n\n本降低8%。"). A paragraph whose
//     last passage is clearly unfinished continues into the next text
//     paragraph, skipping up to kMaxCaptions short unpunctuated captions.
//     "Clearly unfinished" means no sentence-final punctuation and one of:
//     it ends in a digit or a pause mark (，、—), it follows an earlier
//     sentence in the same paragraph, it has an unclosed “, or it is long
//     (>= kLongFragment letters) and contains a pause mark. A short or
//     unpunctuated line on its own (title, caption, byline) is its own
//     passage and never joins. A paragraph ending in a colon counts as
//     finished (what follows is usually a list or a quotation).
//
// Captions inside a sentence: the joined passage spans from the sentence's
// start to its real end, so it covers the caption text too; the caption is
// also emitted as its own passage. Passages are therefore ordered by start
// and may overlap (only in this case). `paragraph` is the index of the
// paragraph (as defined in 1.) where the passage starts.
#include "claimdb/passages.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace claimdb {
namespace {

// A fragment at least this many letters/digits long, with a pause mark in
// it, is prose rather than a title.
constexpr size_t kLongFragment = 15;
// At most this many caption paragraphs are skipped inside one sentence.
constexpr int kMaxCaptions = 3;

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

// Characters that end a line. \f and U+2029 also end a paragraph.
bool is_eol(char32_t c) {
  return c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool is_closer(char32_t c) {
  switch (c) {
    case U'”': case U'’': case U'」': case U'』': case U'）': case U')': case U'】': case U'》':
    case U'〉': case U'"': case U'\'': case U']': case U'»': case U'›': case U'〕': case U'｝': case U'}':
      return true;
    default:
      return false;
  }
}

// Punctuation after which a passage ends. ICU already breaks after the
// full stops; listing them again keeps "open" and "break" consistent.
bool is_terminal(char32_t c) {
  switch (c) {
    case U'。': case U'！': case U'？': case U'；': case U'…': case U'⋯': case U'．': case U'｡':
    case U'!': case U'?': case U';': case U'.':
      return true;
    default:
      return false;
  }
}

// Pause marks: commas and the like only occur inside sentences.
bool is_pause(char32_t c) {
  switch (c) {
    case U'，': case U'、': case U',': case U'：': case U':': case U'；': case U'—': case U'–':
      return true;
    default:
      return false;
  }
}

// ICU counts “ and ‘ as closing punctuation (Quotation_Mark), so it may
// end a sentence after the quote that opens the next one.
bool is_opener(char32_t c) {
  switch (c) {
    case U'“': case U'‘': case U'「': case U'『': case U'（': case U'(': case U'《': case U'【': case U'〈':
      return true;
    default:
      return false;
  }
}

bool is_letter_or_digit(char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }
bool is_digit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }

bool is_cjk_numeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// Does a list item ("- x", "• x", "（一）", "(2)", "一、", "3、", "4. ") start at `i`?
bool starts_list_item(std::u32string_view t, size_t i) {
  const size_t n = t.size();
  const char32_t c = t[i];
  if (std::u32string_view(U"-*+•·●○■□◆◇▪►>|").find(c) != std::u32string_view::npos) return true;
  size_t j = i;
  if (c == U'（' || c == U'(') {
    ++j;
    const size_t k = j;
    while (j < n && j - k < 3 && (is_digit(t[j]) || is_cjk_numeral(t[j]))) ++j;
    return j > k && j < n && (t[j] == U'）' || t[j] == U')');
  }
  while (j < n && j - i < 3 && (is_digit(t[j]) || is_cjk_numeral(t[j]))) ++j;
  if (j == i || j >= n) return false;
  if (t[j] == U'、') return true;
  // "1. x" and "1．x", but not the decimal "1.5".
  return (t[j] == U'.' || t[j] == U'．') && j + 1 < n && !is_digit(t[j + 1]);
}

// A Markdown heading: 1-6 '#' then a space. Returns the offset of its text,
// or npos when [s,e) is not a heading.
size_t heading_text(std::u32string_view t, size_t s, size_t e) {
  size_t i = s;
  while (i < e && t[i] == U'#') ++i;
  if (i == s || i - s > 6 || (i < e && !is_space(t[i]))) return std::u32string_view::npos;
  while (i < e && is_space(t[i])) ++i;
  return i;
}

struct Line {
  size_t start, end;  // trimmed
};

struct Paragraph {
  size_t start, end;  // trimmed: first line's start to last line's end
  size_t first_line, lines;
  bool heading = false;
  size_t seg_begin = 0, seg_end = 0;  // its sentences in `segs`
};

struct Segment {
  size_t start, end;
};

// One sentence BreakIterator per thread: creating one loads ICU rules.
icu::BreakIterator& sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU sentence iterator: ") + u_errorName(err));
    return bi;
  }();
  return *it;
}

class Splitter {
 public:
  explicit Splitter(std::u32string_view text) : t_(text) {}

  std::vector<Passage> run() {
    find_paragraphs();
    for (Paragraph& p : paras_) split_paragraph(p);
    return join_and_emit();
  }

 private:
  std::u32string_view t_;
  std::vector<Line> lines_;
  std::vector<Paragraph> paras_;
  std::vector<Segment> segs_;
  std::u16string u16_;            // reused UTF-16 copy of one paragraph
  std::vector<uint8_t> breaks_;   // reused: breaks_[i] = a passage may end before paragraph offset i

  void trim(size_t& s, size_t& e) const {
    while (s < e && is_space(t_[s])) ++s;
    while (e > s && is_space(t_[e - 1])) --e;
  }

  void find_paragraphs() {
    const size_t n = t_.size();
    bool open = false;  // is paras_.back() accepting more lines?
    for (size_t i = 0;;) {
      size_t s = i;
      while (i < n && !is_eol(t_[i])) ++i;
      size_t e = i;
      const bool last = i == n;
      bool hard_end = false;  // \f or U+2029: paragraph ends here
      if (!last) {
        hard_end = t_[i] == U'\f' || t_[i] == 0x2029;
        if (t_[i] == U'\r' && i + 1 < n && t_[i + 1] == U'\n') ++i;
        ++i;
      }
      trim(s, e);
      if (s == e) {
        open = false;
      } else if (size_t h = heading_text(t_, s, e); h != std::u32string_view::npos) {
        lines_.push_back({h, e});
        Paragraph p{h, e, lines_.size() - 1, 1};
        p.heading = true;
        if (h < e) paras_.push_back(p);
        open = false;
      } else {
        lines_.push_back({s, e});
        if (open) {
          paras_.back().end = e;
          ++paras_.back().lines;
        } else {
          paras_.push_back({s, e, lines_.size() - 1, 1});
          open = true;
        }
      }
      if (hard_end) open = false;
      if (last) break;
    }
  }

  // Fills segs_ with the sentences of p.
  void split_paragraph(Paragraph& p) {
    p.seg_begin = segs_.size();
    if (p.heading) {
      segs_.push_back({p.start, p.end});
      p.seg_end = segs_.size();
      return;
    }
    const size_t len = p.end - p.start;
    breaks_.assign(len + 1, 0);
    breaks_[len] = 1;
    mark_icu_breaks(p);
    mark_punctuation_breaks(p);
    for (size_t l = p.first_line + 1; l < p.first_line + p.lines; ++l)
      if (starts_list_item(t_, lines_[l].start)) breaks_[lines_[l].start - p.start] = 1;

    size_t from = 0;
    for (size_t i = 1; i <= len; ++i) {
      if (!breaks_[i]) continue;
      size_t s = p.start + from, e = p.start + i;
      trim(s, e);
      if (s < e) segs_.push_back({s, e});
      from = i;
    }
    p.seg_end = segs_.size();
  }

  void mark_icu_breaks(const Paragraph& p) {
    u16_.clear();
    for (size_t i = p.start; i < p.end; ++i) {
      const char32_t c = is_eol(t_[i]) ? U' ' : t_[i];
      if (c <= 0xFFFF) {
        u16_.push_back(static_cast<char16_t>(c));
      } else {
        u16_.push_back(static_cast<char16_t>(U16_LEAD(c)));
        u16_.push_back(static_cast<char16_t>(U16_TRAIL(c)));
      }
    }
    UErrorCode err = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUChars(&ut, reinterpret_cast<const UChar*>(u16_.data()), static_cast<int64_t>(u16_.size()), &err);
    icu::BreakIterator& bi = sentence_iterator();
    bi.setText(&ut, err);
    if (U_FAILURE(err)) {
      utext_close(&ut);
      throw std::runtime_error(std::string("ICU sentence iterator: ") + u_errorName(err));
    }
    // Boundaries come in increasing order; walk UTF-16 and code points together.
    size_t u = 0, cp = 0;
    for (int32_t b = bi.next(); b != icu::BreakIterator::DONE; b = bi.next()) {
      while (u < static_cast<size_t>(b)) {
        u += (U16_IS_LEAD(u16_[u]) && u + 1 < u16_.size() && U16_IS_TRAIL(u16_[u + 1])) ? 2 : 1;
        ++cp;
      }
      size_t at = cp;
      while (at > 0 && is_opener(t_[p.start + at - 1])) --at;
      breaks_[at] = 1;
    }
    utext_close(&ut);
  }

  // Breaks after terminal punctuation (runs like "……" or "？！" stay
  // together), with the closing quotes and brackets that follow.
  void mark_punctuation_breaks(const Paragraph& p) {
    for (size_t i = p.start; i < p.end;) {
      if (!is_terminal(t_[i]) || t_[i] == U'.') {  // ASCII '.' is ICU's job (decimals, abbreviations)
        ++i;
        continue;
      }
      while (i < p.end && is_terminal(t_[i]) && t_[i] != U'.') ++i;
      while (i < p.end && is_closer(t_[i])) ++i;
      breaks_[i - p.start] = 1;
    }
  }

  // Last character of [s,e) before any closing quotes/brackets.
  char32_t last_core(size_t s, size_t e) const {
    while (e > s && is_closer(t_[e - 1])) --e;
    return e > s ? t_[e - 1] : 0;
  }

  bool is_open(size_t s, size_t e) const {
    const char32_t c = last_core(s, e);
    return !is_terminal(c) && c != U'：' && c != U':';
  }

  // What unfinished() needs to know about a passage's body; kept as a
  // running sum so that following a sentence over many paragraphs stays
  // linear.
  struct Shape {
    size_t letters = 0;
    bool pause = false;
    int open_quotes = 0;  // “ not yet closed: the sentence goes on
  };

  void add_shape(Shape& sh, size_t s, size_t e) const {
    for (size_t i = s; i < e; ++i) {
      sh.letters += is_letter_or_digit(t_[i]);
      sh.pause = sh.pause || is_pause(t_[i]);
      sh.open_quotes += (t_[i] == U'“' || t_[i] == U'「') - (t_[i] == U'”' || t_[i] == U'」');
    }
  }

  // Is [s,e), which ends a paragraph, a sentence cut off in the middle?
  // `sh` describes [s,e).
  bool unfinished(size_t s, size_t e, bool follows_sentence, const Shape& sh) const {
    if (!is_open(s, e)) return false;
    const char32_t last = t_[e - 1];
    if (is_digit(last) || last == U'%' || is_pause(last) || is_opener(last) || follows_sentence) return true;
    return sh.open_quotes > 0 || (sh.pause && sh.letters >= kLongFragment);
  }

  // Can paragraph q's text continue a sentence cut off before it?
  bool continues(const Paragraph& q) const {
    return !q.heading && q.seg_begin < q.seg_end && !starts_list_item(t_, q.start);
  }

  // Characters that cannot start a sentence; a paragraph starting with one
  // is a continuation, never a caption.
  static bool continuation_only(char32_t c, char32_t prev_last) {
    if (std::u32string_view(U"，、。；：%‰！？）」』”’,;:)").find(c) != std::u32string_view::npos) return true;
    // "1100\n\n余件": a number split from its unit.
    return is_digit(prev_last) &&
           std::u32string_view(U"余多亿万千百个家元人户项件所倍年月日").find(c) != std::u32string_view::npos;
  }

  // A short unpunctuated line between two halves of a sentence.
  bool is_caption(const Paragraph& c, char32_t prev_last) const {
    if (c.heading || c.lines != 1 || c.seg_end - c.seg_begin != 1) return false;
    const Segment& s = segs_[c.seg_begin];
    if (!is_open(s.start, s.end) || continuation_only(t_[s.start], prev_last)) return false;
    Shape sh;
    add_shape(sh, s.start, s.end);
    return !unfinished(s.start, s.end, false, sh);
  }

  // If the sentence [.., end) cut at the end of paragraph `pi` continues,
  // returns the paragraph holding its continuation, else npos.
  size_t continuation_of(size_t pi, size_t end) const {
    const char32_t last = t_[end - 1];
    for (size_t q = pi + 1, skipped = 0; q < paras_.size(); ++q) {
      if (is_caption(paras_[q], last)) {
        if (++skipped > static_cast<size_t>(kMaxCaptions)) break;
        continue;
      }
      return continues(paras_[q]) ? q : std::u32string_view::npos;
    }
    return std::u32string_view::npos;
  }

  std::vector<Passage> join_and_emit() {
    std::vector<Passage> out;
    out.reserve(segs_.size());
    std::vector<uint8_t> first_taken(paras_.size(), 0);  // first sentence already part of a joined passage
    for (size_t pi = 0; pi < paras_.size(); ++pi) {
      const Paragraph& p = paras_[pi];
      for (size_t si = p.seg_begin + first_taken[pi]; si < p.seg_end; ++si) {
        Passage pass{segs_[si].start, segs_[si].end, pi};
        const bool last_in_para = si + 1 == p.seg_end;
        if (last_in_para && !p.heading) {
          Shape sh;
          add_shape(sh, pass.start, pass.end);
          // Follow the sentence across blank lines (and captions) until it ends.
          bool follows = si > p.seg_begin;
          for (size_t from = pi; unfinished(pass.start, pass.end, follows, sh); follows = false) {
            const size_t q = continuation_of(from, pass.end);
            if (q == std::u32string_view::npos) break;
            const Paragraph& qp = paras_[q];
            add_shape(sh, pass.end, segs_[qp.seg_begin].end);
            pass.end = segs_[qp.seg_begin].end;
            first_taken[q] = 1;
            if (qp.seg_end - qp.seg_begin != 1) break;  // the sentence ended inside q
            from = q;
          }
        }
        out.push_back(pass);
      }
    }
    return out;
  }
};

}  // namespace

std::vector<Passage> split_passages(std::u32string_view text) { return Splitter(text).run(); }

}  // namespace claimdb
