#include "extract/lexicon.h"

#include <stdexcept>

#include "extract/text_fold.h"
#include "util/tsv.h"
#include "util/utf.h"

namespace claimdb::extract {

namespace {
size_t skip_ws(std::u32string_view t, size_t i) {
  while (i < t.size() && is_space(t[i])) ++i;
  return i;
}
}  // namespace

void WordTrie::add(std::u32string_view word, int payload) {
  auto insert = [&](std::vector<Node>& nodes, auto begin, auto end) {
    int n = 0;
    for (auto it = begin; it != end; ++it) {
      auto found = nodes[n].next.find(*it);
      if (found == nodes[n].next.end()) {
        nodes.emplace_back();
        int id = static_cast<int>(nodes.size()) - 1;
        nodes[n].next.emplace(*it, id);
        n = id;
      } else {
        n = found->second;
      }
    }
    // The first entry for a word wins: tables list the preferred meaning first.
    if (nodes[n].payload < 0) nodes[n].payload = payload;
  };
  insert(fwd_, word.begin(), word.end());
  insert(bwd_, word.rbegin(), word.rend());
  if (!word.empty()) {
    if (word.front() < 0x10000) first_[word.front()] = true;
    if (word.back() < 0x10000) last_[word.back()] = true;
  }
}

WordTrie::Match WordTrie::longest(std::u32string_view text, size_t pos, bool skip_space) const {
  Match best;
  if (pos >= text.size() || !may(first_, text[pos])) return best;
  int n = 0;
  size_t i = pos;
  while (i < text.size()) {
    auto it = fwd_[n].next.find(text[i]);
    if (it == fwd_[n].next.end()) break;
    n = it->second;
    ++i;
    if (fwd_[n].payload >= 0) best = {i, fwd_[n].payload};
    if (skip_space && !fwd_[n].next.empty()) {
      size_t j = skip_ws(text, i);
      // Only cross whitespace when the word continues after it.
      if (j > i && j < text.size() && fwd_[n].next.count(text[j])) i = j;
    }
  }
  return best;
}

WordTrie::Match WordTrie::longest_ending(std::u32string_view text, size_t end, bool skip_space) const {
  Match best;
  if (end == 0 || end > text.size() || !may(last_, text[end - 1])) return best;
  int n = 0;
  size_t i = end;
  while (i > 0) {
    auto it = bwd_[n].next.find(text[i - 1]);
    if (it == bwd_[n].next.end()) break;
    n = it->second;
    --i;
    if (bwd_[n].payload >= 0) best = {i, bwd_[n].payload};  // .end holds the start here
    if (skip_space && !bwd_[n].next.empty()) {
      size_t j = i;
      while (j > 0 && is_space(text[j - 1])) --j;
      if (j < i && j > 0 && bwd_[n].next.count(text[j - 1])) i = j;
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
