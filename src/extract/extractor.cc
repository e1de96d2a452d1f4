// The extractor: finds quantities (quantity.h), decides which percentages
// are changes (a growth verb before them) and attaches each change to the
// level it qualifies in the same sentence, then gives every claim its year,
// period, place, indicator and modality from the scopes around it.
#include "claimdb/extractor.h"

#include <algorithm>
#include <array>

#include "claimdb/gazetteer.h"
#include "extract/indicator.h"
#include "extract/lexicon.h"
#include "extract/quantity.h"
#include "extract/scope.h"
#include "extract/text_fold.h"
#include "util/utf.h"

namespace claimdb {

using namespace extract;

namespace {

// What the context pass (CueIndex) records at a character, as bits.
enum ContextBit : uint8_t {
  kModality = 1,
  kActual = 2,
  kDoubling = 4,
  kFlat = 8,
  kRank = 16,
  kClauseEnd = 32,
  kSentenceEnd = 64,
  kColonOrFen = 128,  // ':' and 分 (of 分别)
};
constexpr uint8_t kAnyCue = kModality | kActual | kDoubling | kFlat | kRank;

}  // namespace

struct Extractor::Impl {
  const Lexicon& lex = Lexicon::instance();
  const Gazetteer& gaz = Gazetteer::instance();
  // ContextBit flags of each BMP character: the context pass reads one byte per
  // character and looks up only the word lists that can start there.
  std::array<uint8_t, 0x10000> context_bits{};
  Impl() {
    const std::pair<CueKind, uint8_t> lists[] = {{CueKind::Modality, kModality}, {CueKind::ActualMarker, kActual},
                                                 {CueKind::Doubling, kDoubling}, {CueKind::FlatWord, kFlat},
                                                 {CueKind::RankVerb, kRank}};
    for (char32_t c = 0; c < 0x10000; ++c) {
      uint8_t bits = 0;
      for (const auto& [kind, bit] : lists)
        if (lex.cues(kind).trie.may_start(c)) bits |= bit;
      if (is_clause_end(c)) bits |= kClauseEnd;
      if (is_sentence_end(c)) bits |= kSentenceEnd;
      if (c == U':' || c == U'分') bits |= kColonOrFen;
      context_bits[c] = bits;
    }
  }
  // Past the BMP: any word may start (the lists check), and no punctuation.
  uint8_t context_of(char32_t c) const { return c < 0x10000 ? context_bits[c] : kAnyCue; }
};

Extractor::Extractor() : impl_(new Impl) {}
Extractor::~Extractor() { delete impl_; }

namespace {

bool is_gap_punct(char32_t c) {
  return is_space(c) || c == U',' || c == U'，' || c == U'、' || c == U';' || c == U'；' || c == U':' ||
         c == U'(' || c == U')' || c == U'（' || c == U'）' || is_open_quote(c) || is_close_quote(c);
}

// A rate of change found before its level is attached: 增长6.1%, 翻一番, 是上年的1.1倍.
struct Rate {
  size_t start, end;     // the rate's own quote
  size_t verb_start;     // where the phrase "增长..." starts (for gaps and indicators)
  double growth = 0;     // percent
  bool points = false;   // a change in percentage points
  std::string_view qualifier = "exact";  // a Quantity's (the lexicon's or a literal)
  std::optional<double> low, high;
};

// Finds the growth verb that makes `q` a change, searching back over fillers (了, 达到, 约).
bool growth_verb_before(std::u32string_view t, size_t pos, const Lexicon& lex, int* sign, size_t* verb_start) {
  const auto& verbs = lex.cues(CueKind::GrowthVerb);
  const auto& filler = lex.cues(CueKind::GrowthFiller);
  size_t b = skip_ws_back(t, pos);
  for (int guard = 0; guard < 4; ++guard) {
    size_t s = 0;
    if (const Cue* v = verbs.ending_at(t, b, &s)) {
      *sign = std::stoi(v->value);
      *verb_start = s;
      return true;
    }
    if (filler.ending_at(t, b, &s)) { b = skip_ws_back(t, s); continue; }
    break;
  }
  // 增速一度回落至7.8%, 涨幅扩大到3%, 增速连续3个月保持在9%以上: a rate
  // noun, a few words of change, then 至/到/在: the figure is the rate
  // itself (失业率下降到3.5% is a level).
  if (b == 0 || (t[b - 1] != U'至' && t[b - 1] != U'到' && t[b - 1] != U'在')) return false;
  const auto& nouns = lex.cues(CueKind::RateNoun);
  for (size_t k = b - 1; k > 0 && b - 1 - k <= 12 && (is_han(t[k - 1]) || is_digit(t[k - 1])); --k) {
    size_t s = 0;
    if (const Cue* n = nouns.ending_at(t, k, &s, false); n && (k < b - 1 || t[b - 1] == U'在')) {
      *sign = std::stoi(n->value);
      *verb_start = s;
      return true;
    }
  }
  return false;
}

// 压减“三公”经费5%: a verb, its short object, then the percentage. The
// object is Han characters (and quotes) only; a word in it that makes the
// figure a level (占, 达, 到, 至, 为, 比, 值 of 增加值, 率, 幅 of 压减幅度)
// or a number breaks the pattern. The rate's phrase starts after the
// object, which names what changed.
bool change_verb_with_object(std::u32string_view t, size_t pos, const Lexicon& lex, int* sign, size_t* verb_start) {
  const auto& verbs = lex.cues(CueKind::ObjectChangeVerb);
  size_t b = skip_ws_back(t, pos);
  static constexpr std::u32string_view kLevelWords = U"占达到至为比是的值率幅速";
  size_t han = 0;
  for (size_t k = b; k > 0 && b - k <= 12; --k) {
    char32_t c = t[k - 1];
    bool quote = is_open_quote(c) || is_close_quote(c);
    if (!quote && !is_han(c)) return false;
    if (kLevelWords.find(c) != std::u32string_view::npos) return false;
    if (!quote) ++han;
    size_t s = 0;
    if (const Cue* v = verbs.ending_at(t, k - 1, &s, false); v && han >= 2) {
      *sign = std::stoi(v->value);
      *verb_start = b;
      return true;
    }
  }
  return false;
}

// 比2018年, 较2020年同期, 比2022年末: a comparison with a year, which joins a
// rate to its level as 比上年 does. Returns where it ends, or `i`.
size_t dated_basis_end(std::u32string_view t, size_t i, const Lexicon& lex) {
  size_t j = 0;
  if (!lex.cues(CueKind::BasisLead).at(t, i, &j, false)) return i;
  size_t d = j;
  while (j < t.size() && is_digit(t[j])) ++j;
  if (j - d != 4 || j >= t.size() || t[j] != U'年') return i;
  ++j;
  for (std::u32string_view tail : {U"同期", U"末", U"底", U"初"})
    if (t.substr(j, tail.size()) == tail) return j + tail.size();
  return j;
}

// 上年的12680人, 2019年末的3.2万户: a time word, 末/底/初, 的, then a figure
// (or a qualifier before it) within kOwnFigureReach of the word's end.
constexpr size_t kOwnFigureReach = 5;
bool dates_next_figure(std::u32string_view t, size_t end) {
  size_t a = skip_ws(t, end);
  if (a < t.size() && (t[a] == U'末' || t[a] == U'底' || t[a] == U'初')) a = skip_ws(t, a + 1);
  if (a >= t.size() || t[a] != U'的') return false;
  for (size_t k = a + 1; k < t.size() && k <= end + kOwnFigureReach; ++k)
    if (starts_numeral(t[k])) return true;
  return false;
}

// Whether t[from, to) holds a speech verb that opens reported speech
// (王先生说，… / 她介绍：…): the verb right before a comma or colon.
bool reported_speech(std::u32string_view t, size_t from, size_t to, const Lexicon& lex) {
  const auto& verbs = lex.cues(CueKind::SpeechVerb);
  for (size_t end = 0, at; (at = verbs.find(t, from, to, nullptr, &end)) != std::u32string_view::npos; from = at + 1)
    if (end < to && (t[end] == U',' || t[end] == U':')) return true;
  return false;
}

bool trivial_gap(std::u32string_view t, size_t a, size_t b, const Lexicon& lex) {
  const auto& basis = lex.cues(CueKind::GrowthBasis);
  const auto& conn = lex.cues(CueKind::GrowthConnector);
  size_t i = a;
  while (i < b) {
    if (is_gap_punct(t[i])) { ++i; continue; }
    size_t e = 0;
    if (basis.at(t, i, &e) && e <= b) { i = e; continue; }
    if (conn.at(t, i, &e) && e <= b) { i = e; continue; }
    if (size_t d = dated_basis_end(t, i, lex); d > i && d <= b) { i = d; continue; }
    return false;
  }
  return true;
}

// Whether [a, b) joins a rate to the level after it: a comma at most, then
// a word of arrival (达到, 为, 至); the word may be the level's own qualifier
// (突破, 超过: `qualified`), so then none is needed.
bool rate_then_level(std::u32string_view t, size_t a, size_t b, bool qualified, const Lexicon& lex) {
  size_t i = skip_ws(t, a);
  if (i < b && (t[i] == U'，' || t[i] == U',')) i = skip_ws(t, i + 1);
  size_t e = 0;
  if (i < b && lex.cues(CueKind::RateThenLevel).at(t, i, &e) && e <= b) i = skip_ws(t, e);
  else if (!qualified) return false;
  return i == b;
}

// The current paragraph's claims: the tail of the document's list from
// `base`. Claims are built in place there, never moved over from a list of
// their own (a claim is a large object, and an endless paragraph of figures
// would hold every claim twice).
class ParagraphClaims {
 public:
  explicit ParagraphClaims(std::vector<Claim>& all) : all_(all) {}
  void start_paragraph() { base_ = all_.size(); }
  size_t size() const { return all_.size() - base_; }
  bool empty() const { return all_.size() == base_; }
  Claim& operator[](size_t k) const { return all_[base_ + k]; }
  Claim& back() const { return all_.back(); }
  void push_back(Claim&& c) { all_.push_back(std::move(c)); }
  void pop_back() { all_.pop_back(); }
  std::vector<Claim>::iterator begin() const { return all_.begin() + static_cast<std::ptrdiff_t>(base_); }
  std::vector<Claim>::iterator end() const { return all_.end(); }

 private:
  std::vector<Claim>& all_;
  size_t base_ = 0;
};

// Claims of a paragraph are in text order: how many start before `pos`.
size_t claims_starting_before(const ParagraphClaims& claims, size_t pos) {
  return std::lower_bound(claims.begin(), claims.end(), pos,
                          [](const Claim& c, size_t p) { return c.span_start < p; }) -
         claims.begin();
}

// Marks are sorted by position; these find them by binary search.
template <typename Mark>
typename std::vector<Mark>::const_iterator first_at_or_after(const std::vector<Mark>& marks, size_t pos) {
  return std::lower_bound(marks.begin(), marks.end(), pos, [](const Mark& m, size_t p) { return m.pos < p; });
}

template <typename Mark>
const Mark* latest_before(const std::vector<Mark>& marks, size_t from, size_t pos) {
  auto it = first_at_or_after(marks, pos);
  if (it == marks.begin()) return nullptr;
  --it;
  return it->pos >= from ? &*it : nullptr;
}

// A cue word at a position: what CueSet::at answers there.
struct CueHit {
  size_t pos, end;
  const Cue* cue;
};

// The cue words the per-figure context reads, found in one pass over the
// document: figures share sentences, and scanning each figure's sentence
// again for modality words (and each paragraph again for every other list)
// cost more than all the rest of the extractor. Each list holds, in text
// order, every position where a word of its set starts (the longest, as
// CueSet::at finds it), so a scan from any position with any skipping rule
// reads the same words from the list as it would from the text.
struct CueIndex {
  std::vector<CueHit> modality;     // skip_space = false
  std::vector<CueHit> actual;       // ActualMarker, skip_space = false
  std::vector<CueHit> doubling;     // skip_space = true
  std::vector<CueHit> flat;         // skip_space = true
  std::vector<CueHit> rank;         // skip_space = false
  std::vector<size_t> colons;       // ':' (folded ：)
  std::vector<size_t> respectively; // 分别
  std::vector<size_t> sentence_ends;  // is_sentence_end
  std::vector<size_t> clause_ends;    // is_clause_end (sentence ends too)

  CueIndex(std::u32string_view t, const Lexicon& lex, const Extractor::Impl& x) {
    const auto& modality_cues = lex.cues(CueKind::Modality);
    const auto& actual_cues = lex.cues(CueKind::ActualMarker);
    const auto& doubling_cues = lex.cues(CueKind::Doubling);
    const auto& flat_cues = lex.cues(CueKind::FlatWord);
    const auto& rank_cues = lex.cues(CueKind::RankVerb);
    auto add = [&](std::vector<CueHit>& hits, const Lexicon::CueSet& set, size_t i, bool skip_space) {
      size_t e = 0;
      if (const Cue* c = set.at(t, i, &e, skip_space)) hits.push_back({i, e, c});
    };
    for (size_t i = 0; i < t.size(); ++i) {
      char32_t c = t[i];
      uint8_t bits = x.context_of(c);
      if (!bits) continue;
      if (bits & kClauseEnd) clause_ends.push_back(i);
      if (bits & kSentenceEnd) sentence_ends.push_back(i);
      if (bits & kColonOrFen) {
        if (c == U':') colons.push_back(i);
        else if (i + 1 < t.size() && t[i + 1] == U'别') respectively.push_back(i);
      }
      if (!(bits & kAnyCue)) continue;
      if (bits & kModality) add(modality, modality_cues, i, false);
      if (bits & kActual) add(actual, actual_cues, i, false);
      if (bits & kDoubling) add(doubling, doubling_cues, i, true);
      if (bits & kFlat) add(flat, flat_cues, i, true);
      if (bits & kRank) add(rank, rank_cues, i, false);
    }
  }
};

// Where `a = pos; while (a > floor && !is_end(t[a - 1])) --a;` stops, from
// the sorted positions of the characters is_end accepts.
size_t back_to_end(const std::vector<size_t>& ends, size_t pos, size_t floor) {
  if (pos <= floor) return pos;
  auto it = std::lower_bound(ends.begin(), ends.end(), pos);
  return it != ends.begin() && *(it - 1) >= floor ? *(it - 1) + 1 : floor;
}

// Where `b = pos; while (b < ceiling && !is_end(t[b])) ++b;` stops.
size_t forward_to_end(const std::vector<size_t>& ends, size_t pos, size_t ceiling) {
  if (pos >= ceiling) return pos;
  auto it = std::lower_bound(ends.begin(), ends.end(), pos);
  return it != ends.end() && *it < ceiling ? *it : ceiling;
}

// The first hit at or after `pos`.
std::vector<CueHit>::const_iterator hits_from(const std::vector<CueHit>& hits, size_t pos) {
  return std::lower_bound(hits.begin(), hits.end(), pos, [](const CueHit& h, size_t p) { return h.pos < p; });
}

}  // namespace

ExtractResult Extractor::extract(std::u32string_view body, const DocContext& ctx) const {
  const Lexicon& lex = impl_->lex;
  const Gazetteer& gaz = impl_->gaz;
  ExtractResult result;
  std::u32string t = fold(body);
  TextMarks marks = TextMarks::compute(t);

  std::optional<int> doc_year = ctx.year;
  result.year_basis = "manifest";
  if (!doc_year) {
    doc_year = infer_document_year(t);
    result.year_basis = doc_year ? "inferred" : "none";
  }
  result.doc_year = doc_year;

  auto paragraphs = logical_paragraphs(t);
  auto quantities = find_quantities(t, marks, lex);
  result.claims.reserve(quantities.size());
  std::vector<TimeMark> years;
  std::vector<PeriodMark> periods;
  find_time_marks(t, doc_year, marks, lex, &years, &periods);
  const auto mentions = gaz.find_mentions(t);
  const Place* doc_place = document_place(gaz, ctx.district, mentions);
  if (const Place* town = title_town(gaz, t, mentions, doc_place)) doc_place = town;
  auto places = find_place_marks(t, mentions, gaz, doc_place, marks, lex);
  std::string doc_district = doc_place ? doc_place->name : ctx.district;
  std::string doc_code = doc_place ? doc_place->code : "";

  const CueIndex cues(t, lex, *impl_);

  // Context never reaches further than this from a figure: real sentences are
  // shorter, and a bound keeps one endless line (1亿元、1亿元、…) linear.
  constexpr size_t kReach = 400;
  // (Both read the ends from the index rather than scanning the text.)
  auto sentence_bounds = [&](size_t pos, const Span& para, size_t* s, size_t* e) {
    *s = back_to_end(cues.sentence_ends, pos, std::max(para.start, pos > kReach ? pos - kReach : 0));
    *e = forward_to_end(cues.sentence_ends, pos, std::min(para.end, pos + kReach));
  };
  auto clause_bounds = [&](size_t pos, size_t sent_start, size_t sent_end, size_t* s, size_t* e) {
    *s = back_to_end(cues.clause_ends, pos, sent_start);
    *e = forward_to_end(cues.clause_ends, pos, sent_end);
  };

  size_t para_start_for_modality = 0;
  // 二、2024年主要目标 / 三、明年工作安排: the plan word of the current section
  // heading (not a bare 将), for its paragraphs' figures that carry none.
  std::string section_modality;
  auto is_jiang = [](const Cue* c) { return c->word == "将"; };
  auto modality_for = [&](size_t clause_start, size_t pos, size_t clause_end, size_t sent_start) -> std::string {
    auto valid = [&](const CueHit& h) {
      if (!is_jiang(h.cue)) return true;
      // 将 marks the future only after a subject or adverb, not as the object marker (将产量拔高)
      size_t at = h.pos;
      if (at == 0 || !is_han(t[at - 1])) return true;
      if (lex.cues(CueKind::FutureAfterJiang).at(t, at + 1, nullptr)) return true;
      return std::u32string_view(U"还也并又即更将年们").find(t[at - 1]) != std::u32string_view::npos;
    };
    const auto& hits = cues.modality;
    std::string found;
    bool weak = false;  // a bare 将 yields to a stronger word earlier in the sentence (预计…将突破)
    // left to right through the clause; a word found is skipped over whole
    size_t next = clause_start;
    for (auto h = hits_from(hits, clause_start); h != hits.end() && h->pos < pos; ++h) {
      if (h->pos < next) continue;
      if (h->end <= pos && valid(*h)) {
        if (is_jiang(h->cue) && !found.empty()) continue;  // 预计…将达到 stays a forecast
        found = h->cue->value;
        weak = is_jiang(h->cue);
        next = h->end;
      }
    }
    if (weak) {
      for (auto h = hits_from(hits, sent_start); h != hits.end() && h->pos < clause_start; ++h)
        if (!is_jiang(h->cue) && valid(*h)) { found = h->cue->value; break; }
    }
    if (found.empty()) {
      for (auto h = hits_from(hits, pos); h != hits.end() && h->pos < clause_end; ++h)
        if (h->cue->value == "target") { found = "target"; break; }
    }
    // 目前已完成: a reported fact, whatever the sentence planned before it
    if (found.empty()) {
      for (auto h = hits_from(cues.actual, clause_start); h != cues.actual.end() && h->pos < pos; ++h)
        if (h->end <= pos) return "actual";
    }
    if (found.empty()) {
      for (auto h = hits_from(hits, sent_start); h != hits.end() && h->pos < clause_start; ++h)
        if (valid(*h)) { found = h->cue->value; break; }
    }
    if (found.empty()) {
      // 主要预期目标是：A增长6%；B增长8%: a cue before a colon governs the list after it.
      size_t colon_floor = std::max(para_start_for_modality, sent_start > 2 * kReach ? sent_start - 2 * kReach : 0);
      auto colon = std::lower_bound(cues.colons.begin(), cues.colons.end(), sent_start);
      if (colon != cues.colons.begin() && *(colon - 1) >= colon_floor) {
        size_t i = *(colon - 1);  // the last colon before the sentence
        size_t a = back_to_end(cues.sentence_ends, i, colon_floor);
        for (auto h = hits_from(hits, a); h != hits.end() && h->pos < i; ++h) {
          if (valid(*h)) { found = h->cue->value; if (found == "target") break; }
        }
      }
    }
    if (found == "plan") {
      // 达到 inside a plan states a target
      size_t b = skip_ws_back(t, pos);
      if (b >= 2 && t[b - 2] == U'达' && t[b - 1] == U'到') found = "target";
    }
    // Under a heading of targets, 预期增长6% is a target (预期性指标), not a forecast.
    if (found.empty() || (found == "forecast" && section_modality == "target")) found = section_modality;
    return found.empty() ? "actual" : found;
  };

  // A、B、C分别完成x、y、z: the listed places or indicators go to the figures after 分别, in order.
  auto assign_respectively = [&](ParagraphClaims& claims, const Span& para) {
    size_t next = para.start;
    for (auto r = std::lower_bound(cues.respectively.begin(), cues.respectively.end(), para.start);
         r != cues.respectively.end() && *r + 1 < para.end; ++r) {
      if (*r < next) continue;
      const size_t i = *r;
      size_t ss, se;
      sentence_bounds(i, para, &ss, &se);
      size_t cs = i;
      while (cs > ss && !is_clause_end(t[cs - 1])) --cs;
      // the list: items of the clause before 分别, split at 、 和 及 与
      std::vector<Span> items;
      size_t a = cs;
      for (size_t k = cs; k <= i; ++k) {
        bool sep = k == i || t[k] == U'、' || t[k] == U'和' || t[k] == U'及' || t[k] == U'与';
        if (!sep) continue;
        if (k > a) items.push_back({a, k});
        a = k + 1;
      }
      std::vector<Claim*> figures;
      for (size_t k = claims_starting_before(claims, i + 1); k < claims.size() && claims[k].span_start < se; ++k)
        if (claims[k].value || claims[k].growth_pct) figures.push_back(&claims[k]);
      // the items nearest 分别 are the list (新增企业26家、A、B、C分别完成x、y、z)
      if (figures.size() >= 2 && items.size() > figures.size())
        items.erase(items.begin(), items.end() - static_cast<std::ptrdiff_t>(figures.size()));
      // the figures of the list end at a clause (…和44.97万人，三县区合计占46.6%)
      if (items.size() >= 2 && figures.size() > items.size()) {
        const size_t n = items.size();
        const std::u32string_view gap = std::u32string_view(t).substr(
            figures[n - 1]->span_end, figures[n]->span_start - figures[n - 1]->span_end);
        if (std::any_of(gap.begin(), gap.end(), [](char32_t c) { return is_clause_end(c); })) figures.resize(n);
      }
      if (items.size() < 2 || figures.size() != items.size()) continue;
      // places when every item names one, else indicators
      std::vector<const PlaceMark*> item_places;
      for (const Span& it : items) {
        const PlaceMark* found = nullptr;
        for (auto m = first_at_or_after(places, it.start); m != places.end() && m->pos < it.end; ++m) found = &*m;
        item_places.push_back(found);
      }
      bool all_places = std::all_of(item_places.begin(), item_places.end(), [](const PlaceMark* p) { return p; });
      // 城镇、农村居民人均可支配收入, 第一、二、三产业增加值, 第一产业、第二产业
      //和第三产业增加值: items parallel to the last one's start share its
      // head noun (the rest of it). An item is parallel when it is at most
      // half as long, or as long as the start it matches but one character.
      std::vector<std::u32string> shared(items.size());
      // the first item starts after the clause's lead words (全区第一、二、三产业)
      for (size_t e = 0; items.front().start < items.front().end;) {
        if (lex.cues(CueKind::IndicatorLead).at(t, items.front().start, &e, false) ||
            lex.cues(CueKind::PlaceScope).at(t, items.front().start, &e, false))
          items.front().start = std::min(e, items.front().end);
        else
          break;
      }
      const std::u32string_view tv(t);
      const std::u32string_view last = tv.substr(items.back().start, items.back().end - items.back().start);
      const size_t head_at = items.size() >= 2 ? items[items.size() - 2].end - items[items.size() - 2].start : 0;
      for (size_t k = 0; k + 1 < items.size() && head_at < last.size(); ++k) {
        std::u32string_view item = tv.substr(items[k].start, items[k].end - items[k].start);
        size_t differ = 0;
        for (size_t j = 0; j < item.size() && item.size() <= last.size(); ++j) differ += item[j] != last[j];
        bool parallel = item.size() * 2 < last.size() || (item.size() >= 3 && item.size() < last.size() && differ == 1);
        if (parallel) shared[k] = std::u32string(item) + std::u32string(last.substr(head_at));
      }
      for (size_t k = 0; k < items.size(); ++k) {
        if (!all_places && !shared[k].empty()) {
          auto ind = indicator_for(shared[k], 0, shared[k].size(), shared[k].size(), shared[k].size(), false, lex);
          figures[k]->indicator = ind.phrase;
          figures[k]->indicator_code = ind.code;
          continue;
        }
        if (all_places) {
          figures[k]->district = item_places[k]->name();
          figures[k]->district_code = item_places[k]->code();
        } else {
          auto ind = indicator_for(t, items[k].start, items[k].end, items[k].end, items[k].end, false, lex);
          if (!ind.phrase.empty()) {
            figures[k]->indicator = ind.phrase;
            figures[k]->indicator_code = ind.code;
          }
        }
      }
      next = se + 1;
    }
  };

  // A paragraph's working lists, reused from one paragraph to the next.
  struct Item { size_t pos; const Quantity* q; size_t dbl_end; double dbl; };
  std::vector<Item> items;
  ParagraphClaims claims(result.claims);  // the paragraph's, in order
  // What each claim of the paragraph is: a bare rate, a level, or an
  // absolute change (比年初增加142.7亿元, a level that states a change).
  enum class Kind { Rate, Level, Change };
  std::vector<Kind> claim_kind;
  std::vector<Claim> flats;

  // A time word a speaker says dates what is said, not the story. One in a
  // quotation (“现在每个月…”) is not carried into the next paragraph (within
  // its own, the narrator often goes on with it: “明年，我们计划…”为此，区里将…).
  // A speaker's "now" in reported speech (王先生说，公司现在每个月…:
  // speech_now after a speech_verb) governs its own sentence only, and so
  // does the year of a comparison's base period (去年同期，…为150.8万人次).
  enum Said : char { kNarrated, kQuoted, kOwnSentence, kOwnFigure };
  std::vector<char> said(years.size(), kNarrated);
  auto mark_said = [&](const Span& para) {
    const auto& speech_now = lex.cues(CueKind::SpeechNow);
    int depth = 0;  // quotation marks open at `scanned`: one pass over the paragraph
    size_t scanned = para.start;
    for (auto m = first_at_or_after(years, para.start); m != years.end() && m->pos < para.end; ++m) {
      for (; scanned < m->pos; ++scanned) {
        if (t[scanned] == U'“') ++depth;
        else if (t[scanned] == U'”' && depth > 0) --depth;
      }
      char& how = said[m - years.begin()];
      size_t e = 0, ss = 0, se = 0;
      if (depth > 0) {
        how = kQuoted;
      } else if (dates_next_figure(t, m->end)) {
        how = kOwnFigure;
      } else if (std::u32string_view(t).substr(m->end, 2) == U"同期") {
        how = kOwnSentence;  // 去年同期，…; 2019年同期只有…: a comparison's base period
      } else if (speech_now.at(t, m->pos, &e, false) && e == m->end) {
        sentence_bounds(m->pos, para, &ss, &se);
        if (reported_speech(t, ss, m->pos, lex)) how = kOwnSentence;
      }
    }
  };
  // The time word that governs a figure at `pos` from earlier in its
  // paragraph: the latest, passing over one of an earlier sentence that
  // governs its own only.
  auto year_before = [&](size_t para_start, size_t sent_start, size_t pos) -> const TimeMark* {
    for (auto it = first_at_or_after(years, pos); it != years.begin();) {
      --it;
      if (it->pos < para_start) return nullptr;
      const char how = said[it - years.begin()];
      // 由上年的12680人上升为13070人: the year before 的 dates that figure alone
      if (how == kOwnFigure) {
        if (pos <= it->end + kOwnFigureReach) return &*it;
        continue;
      }
      if (how != kOwnSentence || it->pos >= sent_start) return &*it;
    }
    return nullptr;
  };

  const TimeMark* section_year = nullptr;
  const TimeMark* carried_year = nullptr;  // the last time word of the body paragraphs before this one
  bool names_last_year = false;             // a body paragraph so far wrote out the year before the document's
  const Span* prev_body = nullptr;           // the body paragraph before this one (not a heading or title)
  // Each heading level's year and plan word (index 1 = 一、, 2 = （一）, ...).
  struct Section {
    const TimeMark* year = nullptr;
    std::string modality;
  };
  std::array<Section, 7> sections{};
  // A title naming one past or current year (2023年国民经济和社会发展统计
  // 公报, published in 2024) dates the figures its text leaves undated
  // (全年, 年末); a later year in a title is a horizon (迈向2035年), and
  // 2022年以来 is not a year of its own.
  const TimeMark* title_year = nullptr;
  if (!paragraphs.empty() && paragraphs.front().title) {
    const Span& title = paragraphs.front();
    auto m = first_at_or_after(years, title.start);
    if (m != years.end() && m->pos < title.end && (std::next(m) == years.end() || std::next(m)->pos >= title.end) &&
        m->basis == "explicit" && m->year && (!doc_year || *m->year <= *doc_year))
      title_year = &*m;
  }
  if (title_year && doc_year && *title_year->year < *doc_year) {
    const auto& report_relative = lex.cues(CueKind::TimeReportRelative);
    for (TimeMark& m : years) {
      size_t e = 0;
      const Cue* c = m.basis == "relative" ? report_relative.at(t, m.pos, &e, false) : nullptr;
      if (c && e == m.end) m.year = *title_year->year + std::stoi(c->value);
    }
  }
  for (const Span& para : paragraphs) {
    para_start_for_modality = para.start;
    if (para.heading) {
      // A heading replaces its own level's year and plan word and clears the
      // deeper levels'; （一）一般公共预算 under 一、2023年预算执行情况 keeps 2023.
      const size_t level = std::clamp(heading_level(std::u32string_view(t).substr(para.start, para.end - para.start)), 1,
                                      static_cast<int>(sections.size()) - 1);
      for (size_t l = level; l < sections.size(); ++l) sections[l] = {};
      for (auto m = first_at_or_after(years, para.start); m != years.end() && m->pos < para.end; ++m)
        sections[level].year = &*m;
      for (auto h = hits_from(cues.modality, para.start); h != cues.modality.end() && h->pos < para.end; ++h)
        if (!is_jiang(h->cue)) { sections[level].modality = h->cue->value; break; }
      section_year = nullptr;
      carried_year = nullptr;
      prev_body = nullptr;
      section_modality.clear();
      for (const Section& sec : sections) {
        if (sec.year) section_year = sec.year;
        if (!sec.modality.empty()) section_modality = sec.modality;
      }
      continue;
    }
    mark_said(para);
    if (prev_body) {
      for (auto m = first_at_or_after(years, prev_body->end); m != years.begin();) {
        --m;
        if (m->pos < prev_body->start) break;
        if (said[m - years.begin()] == kNarrated) { carried_year = &*m; break; }
      }
      for (auto m = first_at_or_after(years, prev_body->start); m != years.end() && m->pos < prev_body->end; ++m)
        if (m->basis == "explicit" && m->year && doc_year && *m->year == *doc_year - 1) names_last_year = true;
    }
    if (!para.title) prev_body = &para;
    // Quantities and doubling idioms in this paragraph, in order.
    items.clear();
    auto qit = std::lower_bound(quantities.begin(), quantities.end(), para.start,
                                [](const Quantity& q, size_t p) { return q.num_start < p; });
    for (; qit != quantities.end() && qit->num_start < para.end; ++qit) items.push_back({qit->start, &*qit, 0, 0});
    for (size_t next = para.start, k = hits_from(cues.doubling, para.start) - cues.doubling.begin();
         k < cues.doubling.size() && cues.doubling[k].pos < para.end; ++k) {
      const CueHit& h = cues.doubling[k];
      if (h.pos < next) continue;
      items.push_back({h.pos, nullptr, h.end, std::stod(h.cue->value)});
      next = h.end;
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.pos < b.pos; });

    struct ListRate { bool active = false; size_t end = 0; int sign = 1; size_t verb_start = 0; } list_rate;
    claims.start_paragraph();
    claim_kind.clear();

    auto fill_context = [&](Claim& c, size_t start, size_t subject_end, size_t end, bool counting) {
      size_t ss, se, cs, ce;
      sentence_bounds(start, para, &ss, &se);
      clause_bounds(start, ss, se, &cs, &ce);
      // A time word right after the subject still governs it (89个项目去年陆续落户).
      const TimeMark* in_clause_after = nullptr;
      if (!latest_before(years, cs, start))
        if (auto it = first_at_or_after(years, end); it != years.end() && it->pos < ce) in_clause_after = &*it;
      if (const TimeMark* m = in_clause_after ? in_clause_after : year_before(para.start, ss, start)) {
        c.year = m->year;
        c.year_basis = m->basis;
      } else if (section_year) {
        // 一、2023年工作回顾: a heading's year governs its section's paragraphs
        c.year = section_year->year;
        c.year_basis = section_year->basis;
      } else if (title_year) {
        c.year = title_year->year;
        c.year_basis = title_year->basis;
      } else if (const TimeMark* m = carried_year;
                 // 2024年全市… in a 2025 report: the year before the document's,
                 // written out, goes on to date the paragraphs that name no
                 // year (分县区看，…) until another time word or heading, and
                 // so does a later 去年 in such a report. In a text that never
                 // writes that year out (a feature), 去年 does not carry, nor
                 // does an older year (早在2012年).
                 m && m->year && doc_year && *m->year == *doc_year - 1 &&
                 (m->basis == "explicit" || (m->basis == "relative" && names_last_year))) {
        c.year = m->year;
        c.year_basis = "carried";
      } else {
        c.year = doc_year;
        c.year_basis = "document";
      }
      if (const PeriodMark* p = latest_before(periods, ss, start)) c.period = p->period;
      const PlaceMark* place = nullptr;
      for (auto it = first_at_or_after(places, start); it != places.begin();) {
        --it;
        if (it->pos < para.start || it->joint) break;
        if (!it->sentence_only || it->pos >= ss) { place = &*it; break; }
      }
      if (const PlaceMark* p = place) {
        c.district = p->name();
        c.district_code = p->code();
      } else {
        c.district = doc_district;
        c.district_code = doc_code;
      }
      // The measured thing starts after the clause's time and place words
      // and after an earlier figure in the same clause.
      size_t from = cs;
      for (auto it = first_at_or_after(years, cs); it != years.end() && it->pos < subject_end; ++it)
        if (it->end <= subject_end) from = std::max(from, it->end);
      for (auto it = first_at_or_after(places, cs); it != places.end() && it->pos < subject_end; ++it)
        if (it->end <= subject_end) from = std::max(from, it->end);
      for (auto it = first_at_or_after(periods, cs); it != periods.end() && it->pos < subject_end; ++it)
        if (it->end <= subject_end) from = std::max(from, it->end);
      bool after_figure = false;
      if (!claims.empty() && claims.back().span_end <= subject_end && claims.back().span_end > from &&
          claims.back().span_start >= cs) {
        from = claims.back().span_end;
        after_figure = true;
      }
      auto ind = indicator_for(t, from, subject_end, end, ce, counting, lex);
      c.indicator = ind.phrase;
      c.indicator_code = ind.code;
      // A和B / A、B, or parallel items after ；(江北区860.3亿元): the figure
      // measures what the one before it did.
      size_t list_start = ss;
      if (ss > para.start && (t[ss - 1] == U';' || t[ss - 1] == U'；')) {
        list_start = ss - 1;
        while (list_start > para.start && !is_sentence_end(t[list_start - 1])) --list_start;
      }
      if (c.indicator.empty() && !claims.empty() && claims.back().span_start >= list_start &&
          (after_figure || claims.back().span_end <= cs)) {
        c.indicator = claims.back().indicator;
        c.indicator_code = claims.back().indicator_code;
      }
      c.modality = modality_for(cs, start, ce, ss);
      // a plan or target looks ahead: a reported year carried over does not date it
      if (c.year_basis == "carried" && c.modality != "actual") {
        c.year = doc_year;
        c.year_basis = "document";
      }
      return ss;
    };
    // Whether `c` is a share of something (为预算的101.2%, 占全市的35%) or
    // the base of a comparison (较前年的31.2亿元, 比上年的) that follows the
    // level `before` in its sentence.
    auto share_or_base = [&](const Claim& c, const Claim& before) {
      size_t b = skip_ws_back(t, c.span_start);
      if (b == 0 || t[b - 1] != U'的') return false;
      if (c.unit == "percent") return true;
      if (c.unit != before.unit) return false;
      size_t a = skip_ws(t, before.span_end);
      if (a < t.size() && (t[a] == U'，' || t[a] == U',')) a = skip_ws(t, a + 1);
      return lex.cues(CueKind::BasisLead).at(t, a, nullptr) != nullptr;
    };
    auto set_quote = [&](Claim& c, size_t s, size_t e) {
      c.span_start = s;
      c.span_end = e;
      c.quote = u32_to_utf8(body.substr(s, e - s));
    };

    for (const Item& it : items) {
      Rate rate;
      bool is_rate = false;
      if (!it.q) {
        rate = {it.pos, it.dbl_end, it.pos, it.dbl, false, "exact", {}, {}};
        is_rate = true;
      } else {
        const Quantity& q = *it.q;
        if (!q.claim) continue;
        int sign = 1;
        size_t verb_start = 0;
        bool verb = growth_verb_before(t, q.start, lex, &sign, &verb_start);
        // 分别增长5.1%和7.2%: a rate listed right after a rate shares its verb;
        // 分别增长3.2%和下降1.8%: with a verb of its own, it shares the list
        // (its phrase starts where the list's does).
        if (q.kind == QuantityKind::Percent && list_rate.active) {
          size_t b = skip_ws_back(t, verb ? verb_start : q.start);
          if (b > 0 && std::u32string_view(U"和、及与,").find(t[b - 1]) != std::u32string_view::npos &&
              skip_ws_back(t, b - 1) == list_rate.end) {
            if (!verb) sign = list_rate.sign;
            verb = true;
            verb_start = list_rate.verb_start;
          }
        }
        // 同比-3.2%, 环比+0.5%: a basis that stands for its verb before a rate
        if (!verb && q.kind == QuantityKind::Percent) {
          size_t s = 0;
          const Cue* basis = lex.cues(CueKind::GrowthBasis).ending_at(t, skip_ws_back(t, q.start), &s);
          if (basis && basis->value == "rate") {
            verb = true;
            sign = 1;
            verb_start = s;
          }
        }
        if (!verb && q.kind == QuantityKind::Percent && q.unit == "percent")
          verb = change_verb_with_object(t, q.start, lex, &sign, &verb_start);
        if (q.unit == "permille") verb = false;  // ‰ rates (自然增长率3.2‰) are levels
        if (q.kind == QuantityKind::Percent && verb) list_rate = {true, q.end, sign, verb_start};
        if (q.kind == QuantityKind::Percent && verb) {
          rate = {q.start, q.end, verb_start, sign * q.value, false, q.qualifier, {}, {}};
          if (q.low) { rate.low = sign * *q.low; rate.high = sign * *q.high; }
          is_rate = true;
        } else if (q.kind == QuantityKind::Multiple) {
          if (verb) {
            rate = {q.start, q.end, verb_start, sign * q.number * 100, false, q.qualifier, {}, {}};
            is_rate = true;
          } else {
            // 是上年的1.1倍, 为2015年的两倍: growth of (x - 1) x 100 percent
            size_t b = skip_ws_back(t, q.start);
            if (b > 0 && t[b - 1] == U'的') {
              const auto& lead = lex.cues(CueKind::MultipleLead);
              size_t s = b - 1, ls = 0;
              while (s > para.start && !is_clause_end(t[s - 1]) && !lead.ending_at(t, s, &ls)) --s;
              if (s > para.start && !is_clause_end(t[s - 1])) {
                rate = {q.start, q.end, ls, (q.number - 1) * 100, false, q.qualifier, {}, {}};
                is_rate = true;
              }
            }
            if (!is_rate) continue;
          }
        } else if (q.kind == QuantityKind::Points) {
          rate = {q.start, q.end, verb ? verb_start : q.start, sign * q.value, true, q.qualifier, {}, {}};  // 千分点: a tenth
          is_rate = true;
        }
      }

      size_t ss, se;
      if (is_rate) {
        sentence_bounds(rate.start, para, &ss, &se);
        // Attach to the last claim in the sentence when nothing but bases and punctuation lies between.
        Claim* target = nullptr;
        size_t before_verb = skip_ws_back(t, rate.verb_start);
        // 分别比上年增长46%和52%: 分别 may come before the basis
        for (size_t bs = 0; lex.cues(CueKind::GrowthBasis).ending_at(t, before_verb, &bs);) before_verb = skip_ws_back(t, bs);
        bool respectively = before_verb >= 2 && t[before_verb - 2] == U'分' && t[before_verb - 1] == U'别';
        if (respectively && !rate.points) {
          // A和B，分别增长x%和y%: rates go to the levels in order.
          for (size_t k = claims.size(); k-- > 0;) {
            if (claims[k].span_start < ss || claims[k].growth_pct) break;
            // 两家企业分别完成12亿元和8亿元: a figure before the levels' own 分别
            // counts the items; it is not one of them
            if (k + 1 < claims.size() &&
                std::u32string_view(t).substr(claims[k].span_end, claims[k + 1].span_start - claims[k].span_end).find(U"分别") !=
                    std::u32string_view::npos)
              break;
            if (claim_kind[k] != Kind::Rate) target = &claims[k];
          }
        } else {
          for (size_t k = claims.size(); k-- > 0;) {
            if (claims[k].span_start < ss) break;
            if (rate.points || (!claims[k].growth_pct && claim_kind[k] != Kind::Rate &&
                                trivial_gap(t, claims[k].span_end, rate.verb_start, lex))) {
              target = &claims[k];
              // The rate is the level's before it, in its sentence, when this
              // claim is an absolute change of it (余额1386.5亿元，比年初增加
              // 142.7亿元，增长11.5%), a share of something (收入286.4亿元，为
              // 预算的101.2%，增长4.6%) or a comparison's base (零售额42.6亿元，
              // 较前年的31.2亿元增长36.5%).
              if (!rate.points && k > 0 && claims[k - 1].span_start >= ss && claim_kind[k - 1] == Kind::Level &&
                  !claims[k - 1].growth_pct && claims[k - 1].value &&
                  ((claim_kind[k] == Kind::Change && claims[k - 1].unit == claims[k].unit) ||
                   share_or_base(claims[k], claims[k - 1])))
                target = &claims[k - 1];
            }
            break;
          }
        }
        if (target) {
          if (rate.points) { if (!target->growth_pp) target->growth_pp = tidy(rate.growth); }
          else target->growth_pct = tidy(rate.growth);
          continue;
        }
        // A change in points with no figure of its own in the sentence
        // (增速较上月回落1.9个百分点) qualifies a rate the text names but does
        // not give: no claim (CLAIM_MODEL.md).
        if (rate.points) continue;
        Claim c;
        set_quote(c, rate.start, rate.end);
        c.growth_pct = tidy(rate.growth);
        c.qualifier = rate.qualifier;
        if (rate.low) { c.value_low = rate.low; c.value_high = rate.high; }
        fill_context(c, rate.start, rate.verb_start, rate.end, false);
        claims.push_back(std::move(c));
        claim_kind.push_back(Kind::Rate);
        continue;
      }

      const Quantity& q = *it.q;
      Claim c;
      set_quote(c, q.start, q.end);
      c.value = q.value;
      c.unit = q.unit;
      c.unit_dimension = q.dimension;
      c.qualifier = q.qualifier;
      c.value_low = q.low;
      c.value_high = q.high;
      ss = fill_context(c, q.start, q.start, q.end, q.counting);
      // An absolute change (比上年末增加7.4万人, 新增300家) keeps its direction in the indicator.
      bool change = false;
      {
        int sign = 1;
        size_t verb_start = 0;
        if (q.kind == QuantityKind::Amount && growth_verb_before(t, q.start, lex, &sign, &verb_start)) {
          change = true;
          size_t verb_end = 0;
          lex.cues(CueKind::GrowthVerb).at(t, verb_start, &verb_end);
          std::string verb = u32_to_utf8(t.substr(verb_start, verb_end - verb_start));
          std::u32string head = fold(utf8_to_u32(c.indicator));
          const auto& basis = lex.cues(CueKind::GrowthBasis);
          size_t e = 0;
          bool only_basis = head.empty() || (basis.at(head, 0, &e, false) && e == head.size());
          if (only_basis && !claims.empty() && claims.back().span_start >= ss) c.indicator = claims.back().indicator;
          else if (only_basis) c.indicator.clear();
          if (c.indicator.find(verb) == std::string::npos) c.indicator += verb;
        }
      }
      // 同比增长12.5%，达到386亿元 / 增长8.2%至56.3亿元: the rate before is this
      // level's, one claim, measuring what the rate's subject names.
      if (!change && !claims.empty() && claims.back().span_start >= ss && claim_kind.back() == Kind::Rate &&
          !claims.back().value && claims.back().growth_pct && !claims.back().value_low &&
          rate_then_level(t, claims.back().span_end, q.start, q.qualifier != "exact", lex)) {
        const Claim& r = claims.back();
        c.growth_pct = r.growth_pct;
        c.indicator = r.indicator;
        c.indicator_code = r.indicator_code;
        if (c.modality == "actual") c.modality = r.modality;
        claims.pop_back();
        claim_kind.pop_back();
      }
      claims.push_back(std::move(c));
      claim_kind.push_back(change ? Kind::Change : Kind::Level);
    }

    // 与上年持平: a zero change on the level before it, or a claim of its own.
    flats.clear();
    size_t next_flat = para.start;
    for (auto h = hits_from(cues.flat, para.start); h != cues.flat.end() && h->pos < para.end; ++h) {
      if (h->pos < next_flat) continue;
      const size_t i = h->pos, e = h->end;
      next_flat = e;  // the word is read whole
      // only after a comparison (与上年持平, 同比持平, 基本持平), not inside words (支持平台)
      if (!lex.cues(CueKind::GrowthBasis).ending_at(t, i, nullptr) && !lex.cues(CueKind::GrowthConnector).ending_at(t, i, nullptr))
        continue;
      size_t ss, se;
      sentence_bounds(i, para, &ss, &se);
      bool attached = false;
      for (size_t k = claims_starting_before(claims, i); k-- > 0;) {
        if (claims[k].span_end > i) continue;
        if (claims[k].span_start >= ss && !claims[k].growth_pct && trivial_gap(t, claims[k].span_end, i, lex)) {
          claims[k].growth_pct = 0.0;
          attached = true;
        }
        break;
      }
      if (!attached) {
        Claim c;
        set_quote(c, i, e);
        c.growth_pct = 0.0;
        size_t cs = i;
        while (cs > ss && !is_clause_end(t[cs - 1])) --cs;
        // the subject ends before the comparison base (与上年持平)
        size_t subject_end = i;
        size_t bs = 0;
        if (lex.cues(CueKind::GrowthConnector).ending_at(t, subject_end, &bs)) subject_end = bs;
        fill_context(c, i, subject_end, e, false);
        flats.push_back(std::move(c));
      }
    }
    if (!flats.empty()) {
      for (auto& c : flats) claims.push_back(std::move(c));
      std::stable_sort(claims.begin(), claims.end(),
                       [](const Claim& a, const Claim& b) { return a.span_start < b.span_start; });
    }
    assign_respectively(claims, para);
    // Rank phrases (位列全省第九) stay on the claim before them in the sentence.
    size_t next_rank = para.start;
    for (auto h = hits_from(cues.rank, para.start); h != cues.rank.end() && h->pos < para.end; ++h) {
      if (h->pos < next_rank) continue;
      const size_t i = h->pos, e = h->end;
      size_t j = e;
      while (j < para.end && j - e < 10 && t[j] != U'第' && !is_clause_end(t[j])) ++j;
      if (j < para.end && t[j] == U'第' && j + 1 < para.end) {
        size_t k = j + 1;
        while (k < para.end && k - j < 4 && !is_clause_end(t[k]) && t[k] != U'、') ++k;
        size_t ss, se;
        sentence_bounds(i, para, &ss, &se);
        for (size_t m = claims_starting_before(claims, i); m-- > 0;) {
          if (claims[m].span_end > i) continue;
          if (claims[m].span_start >= ss && claims[m].rank.empty())
            claims[m].rank = u32_to_utf8(body.substr(i, k - i));
          break;
        }
        next_rank = k;
      }
    }
  }
  // Paragraphs come in order, so the claims nearly always do: sorting a
  // sorted list of claims still moves them about. Without ties the order is
  // unique, and only then is the sort skipped.
  auto not_before = [](const Claim& a, const Claim& b) { return a.span_start >= b.span_start; };
  if (std::adjacent_find(result.claims.begin(), result.claims.end(), not_before) != result.claims.end())
    std::sort(result.claims.begin(), result.claims.end(),
              [](const Claim& a, const Claim& b) { return a.span_start < b.span_start; });
  return result;
}

}  // namespace claimdb
