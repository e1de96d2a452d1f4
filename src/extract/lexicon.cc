#include "extract/lexicon.h"

#include <stdexcept>

#include "extract/number_lexer.h"
#include "extract/text_fold.h"
#include "util/tsv.h"
#include "util/utf.h"

namespace claimdb::extract {

void WordTrie::insert(Dir& d, std::u32string_view word, bool reversed, int payload) {
  uint32_t n = NameTrie::kRoot;
  for (size_t k = 0; k < word.size(); ++k) {
    char32_t c = reversed ? word[word.size() - 1 - k] : word[k];
    d.has_next[n] = 1;
    n = d.trie.add_child(n, c);
    if (d.payload.size() < d.trie.nodes()) {
      d.payload.resize(d.trie.nodes(), -1);
      d.has_next.resize(d.trie.nodes(), 0);
    }
  }
  // The first entry for a word wins: tables list the preferred meaning first.
  if (d.payload[n] < 0) d.payload[n] = payload;
}

void WordTrie::add(std::u32string_view word, int payload) {
  insert(fwd_, word, false, payload);
  insert(bwd_, word, true, payload);
  if (!word.empty()) {
    first_.add(word.front());
    last_.add(word.back());
  }
}

WordTrie::Match WordTrie::longest(std::u32string_view text, size_t pos, bool skip_space) const {
  Match best;
  if (pos >= text.size() || !first_.contains(text[pos])) return best;
  const Dir& d = fwd_;
  uint32_t n = NameTrie::kRoot;
  size_t i = pos;
  while (i < text.size()) {
    uint32_t next = d.trie.child(n, text[i]);
    if (next == NameTrie::kNone) break;
    n = next;
    ++i;
    if (d.payload[n] >= 0) best = {i, d.payload[n]};
    if (skip_space && d.has_next[n]) {
      size_t j = skip_ws(text, i);
      // Only cross whitespace when the word continues after it.
      if (j > i && j < text.size() && d.trie.child(n, text[j]) != NameTrie::kNone) i = j;
    }
  }
  return best;
}

WordTrie::Match WordTrie::longest_ending(std::u32string_view text, size_t end, bool skip_space) const {
  Match best;
  if (end == 0 || end > text.size() || !last_.contains(text[end - 1])) return best;
  const Dir& d = bwd_;
  uint32_t n = NameTrie::kRoot;
  size_t i = end;
  while (i > 0) {
    uint32_t next = d.trie.child(n, text[i - 1]);
    if (next == NameTrie::kNone) break;
    n = next;
    --i;
    if (d.payload[n] >= 0) best = {i, d.payload[n]};  // .end holds the start here
    if (skip_space && d.has_next[n]) {
      size_t j = i;
      while (j > 0 && is_space(text[j - 1])) --j;
      if (j < i && j > 0 && d.trie.child(n, text[j - 1]) != NameTrie::kNone) i = j;
    }
  }
  return best;
}

const Lexicon& Lexicon::instance() {
  static const Lexicon lex;
  return lex;
}

Lexicon::Lexicon() {
  auto units_tab = load_tsv_resource("units.tsv");
  for (auto& r : units_tab.rows) dimensions_[r[units_tab.col("code")]] = r[units_tab.col("dimension")];

  auto words = load_tsv_resource("unit_words.tsv");
  size_t cw = words.col("word"), cu = words.col("unit"), cf = words.col("factor"), cc = words.col("counting");
  for (auto& r : words.rows) {
    UnitWord u{r[cw], r[cu], dimension_of(r[cu]), std::stod(r[cf]), r[cc] == "1"};
    if (u.dimension.empty())
      throw std::runtime_error("unit_words.tsv: unit " + u.unit + " of " + u.word + " is not in units.tsv");
    unit_trie.add(utf8_to_u32(u.word), static_cast<int>(units.size()));
    units.push_back(std::move(u));
  }

  auto cues_tab = load_tsv_resource("cues.tsv");
  size_t ck = cues_tab.col("kind"), cwd = cues_tab.col("word"), cv = cues_tab.col("value");
  constexpr size_t kinds = static_cast<size_t>(CueKind::kCount);
  cue_sets_.resize(kinds);
  std::unordered_map<std::string, size_t> index;
  for (size_t k = 0; k < kinds; ++k) index[kCueKindNames[k]] = k;
  for (auto& r : cues_tab.rows) {
    auto it = index.find(r[ck]);
    if (it == index.end()) throw std::runtime_error("cues.tsv: unknown kind " + r[ck] + " (word " + r[cwd] + ")");
    auto& set = cue_sets_[it->second];
    set.trie.add(utf8_to_u32(r[cwd]), static_cast<int>(set.cues.size()));
    set.cues.push_back({r[ck], r[cwd], r[cv]});
  }
  for (size_t k = 0; k < kinds; ++k)
    if (cue_sets_[k].cues.empty()) throw std::runtime_error(std::string("cues.tsv: no rows of kind ") + kCueKindNames[k]);
  for (char32_t c = 0; c < 0x10000; ++c) {
    uint8_t bits = starts_numeral(c) ? kNumeral : 0;
    if (cues(CueKind::TimeRelative).trie.may_start(c)) bits |= kTimeRelative;
    if (cues(CueKind::TimeNow).trie.may_start(c)) bits |= kTimeNow;
    if (cues(CueKind::TimeRecentYears).trie.may_start(c)) bits |= kTimeRecent;
    if (cues(CueKind::Period).trie.may_start(c)) bits |= kPeriod;
    if (cues(CueKind::PlaceScope).trie.may_start(c)) bits |= kPlaceScope;
    starts_[c] = bits;
  }

  auto ind = load_tsv_resource("indicators.tsv");
  size_t ic = ind.col("code"), in = ind.col("name_zh"), ia = ind.col("aliases"), ie = ind.col("name_en"),
         ig = ind.col("category");
  for (auto& r : ind.rows) {
    int id = static_cast<int>(indicators.size());
    indicators.push_back({r[ic], r[in], r[ie], r[ig]});
    std::string_view aliases = r[ia];
    size_t start = 0;
    while (start <= aliases.size()) {
      size_t bar = aliases.find('|', start);
      auto alias = aliases.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
      if (!alias.empty()) indicator_trie.add(fold(utf8_to_u32(alias)), id);
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
  }
}

std::string Lexicon::dimension_of(const std::string& unit) const {
  auto it = dimensions_.find(unit);
  return it == dimensions_.end() ? "" : it->second;
}

const UnitWord* Lexicon::unit_at(std::u32string_view text, size_t pos, size_t* end) const {
  auto m = unit_trie.longest(text, pos);
  if (m.payload < 0) return nullptr;
  *end = m.end;
  return &units[m.payload];
}

const Cue* Lexicon::CueSet::at_slow(std::u32string_view text, size_t pos, size_t* end, bool skip_space) const {
  auto m = trie.longest(text, pos, skip_space);
  if (m.payload < 0) return nullptr;
  if (end) *end = m.end;
  return &cues[m.payload];
}

const Cue* Lexicon::CueSet::ending_at_slow(std::u32string_view text, size_t end, size_t* start, bool skip_space) const {
  auto m = trie.longest_ending(text, end, skip_space);
  if (m.payload < 0) return nullptr;
  if (start) *start = m.end;
  return &cues[m.payload];
}

size_t Lexicon::CueSet::find(std::u32string_view text, size_t from, size_t to, const Cue** cue, size_t* end) const {
  for (size_t i = from; i < to && i < text.size(); ++i) {
    if (!trie.may_start(text[i])) continue;
    auto m = trie.longest(text, i, false);
    if (m.payload >= 0 && m.end <= to) {
      if (cue) *cue = &cues[m.payload];
      if (end) *end = m.end;
      return i;
    }
  }
  return std::u32string_view::npos;
}

const Indicator* Lexicon::indicator_in(std::u32string_view phrase) const {
  const Indicator* best = nullptr;
  size_t best_len = 0;
  for (size_t i = 0; i < phrase.size(); ++i) {
    auto m = indicator_trie.longest(phrase, i, false);
    if (m.payload >= 0 && m.end - i > best_len) {
      best_len = m.end - i;
      best = &indicators[m.payload];
    }
  }
  return best;
}

}  // namespace claimdb::extract
