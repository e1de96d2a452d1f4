#include "extract/scope.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "claimdb/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/number_lexer.h"
#include "extract/text_fold.h"
#include "util/utf.h"

namespace claimdb::extract {

namespace {

bool ends_sentence(std::u32string_view line) {
  size_t e = line.size();
  while (e > 0 && is_space(line[e - 1])) --e;
  if (e == 0) return false;
  char32_t c = line[e - 1];
  if (c == U'。' || c == U'!' || c == U'?' || c == U'…' || c == U'！' || c == U'？') return true;
  if ((is_close_quote(c) || c == U')' || c == U'）') && e >= 2) {
    char32_t b = line[e - 2];
    return b == U'。' || b == U'!' || b == U'?' || b == U'…';
  }
  return false;
}

bool has_punct(std::u32string_view line) {
  for (char32_t c : line)
    if (is_clause_end(c) || c == U'、' || is_open_quote(c) || is_close_quote(c)) return true;
  return false;
}

// UTF-8 length of `s` (code points from decoded text are valid scalars).
size_t utf8_size(std::u32string_view s) {
  size_t n = 0;
  for (char32_t c : s) n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  return n;
}

// `a` spells the UTF-8 string `b`, compared without converting either.
bool equals_utf8(std::u32string_view a, std::string_view b) {
  if (utf8_size(a) != b.size()) return false;
  size_t i = 0, k = 0;
  for (; k < a.size() && i < b.size(); ++k)
    if (next_code_point(b, i) != a[k]) return false;
  return k == a.size() && i == b.size();
}

std::u32string_view trim(std::u32string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && is_space(s[a])) ++a;
  while (b > a && is_space(s[b - 1])) --b;
  return s.substr(a, b - a);
}

// 二、工业和建筑业 / （三）对外经济 / 3. 财政: short numbered lines without a sentence end.
// The numerals of list and heading numbers (一、 3. （十）); the text is
// folded, so full-width digits have become these.
bool is_list_numeral(char32_t c) {
  return is_digit(c) || std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

bool is_section_heading(std::u32string_view line) {
  if (line.size() > 24 || ends_sentence(line)) return false;
  size_t i = 0;
  bool paren = line[0] == U'(' || line[0] == U'（';
  if (paren) ++i;
  size_t digits = 0;
  while (i < line.size() && is_list_numeral(line[i])) { ++i; ++digits; }
  if (digits == 0 || digits > 3 || i >= line.size()) return false;
  if (paren) return line[i] == U')' || line[i] == U'）';
  return line[i] == U'、' || (line[i] == U'.' && i + 1 < line.size() && !is_digit(line[i + 1]));
}

}  // namespace

int heading_level(std::u32string_view line) {
  line = trim(line);
  if (line.empty()) return 0;
  if (line[0] == U'#') {
    int n = 0;
    while (static_cast<size_t>(n) < line.size() && line[n] == U'#') ++n;
    return n;
  }
  bool paren = line[0] == U'(' || line[0] == U'（';
  bool arabic = line.size() > (paren ? 1u : 0u) && is_digit(line[paren ? 1 : 0]);
  if (!paren) return arabic ? 3 : 1;  // 一、 / 1.
  return arabic ? 4 : 2;              // （一） / （1）
}

std::vector<Span> logical_paragraphs(std::u32string_view t) {
  constexpr size_t kMaxTitle = 60;  // characters; longer first lines are text
  struct Line { size_t start, end; bool blank_before, blank_after; };
  std::vector<Line> lines;
  size_t s = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == U'\n') {
      if (!trim(t.substr(s, i - s)).empty()) lines.push_back({s, i, false, false});
      s = i + 1;
    }
  }
  for (size_t k = 0; k < lines.size(); ++k) {
    auto gap_blank = [&](size_t a, size_t b) {
      int nl = 0;
      for (size_t i = a; i < b; ++i) nl += t[i] == U'\n';
      return nl >= 2;
    };
    lines[k].blank_before = k == 0 || gap_blank(lines[k - 1].end, lines[k].start);
    lines[k].blank_after = k + 1 == lines.size() || gap_blank(lines[k].end, lines[k + 1].start);
  }
  std::vector<Span> out;
  bool open = false;
  Span cur{0, 0};
  for (const auto& l : lines) {
    auto text = trim(t.substr(l.start, l.end - l.start));
    bool heading = !text.empty() && (text[0] == U'#' || is_section_heading(text));
    // A page break can put a blank line inside a sentence, but not after
    // the document's first line: there it ends a title (XX市2023年国民经济和
    // 社会发展统计公报), which would otherwise run into the first paragraph.
    if (&l == &lines.front() && !heading && l.blank_after && text.size() <= kMaxTitle && !ends_sentence(text)) {
      out.push_back({l.start, l.end, false, true});
      continue;
    }
    bool caption = l.blank_before && l.blank_after && text.size() <= 20 && !has_punct(text);
    if (heading || caption) {
      // Its own paragraph; an open paragraph interrupted by a caption continues after it.
      if (heading && open) { out.push_back(cur); open = false; }
      out.push_back({l.start, l.end, heading});
      continue;
    }
    if (!open) { cur = {l.start, l.end}; open = true; }
    else cur.end = l.end;
    if (ends_sentence(text)) { out.push_back(cur); open = false; }
  }
  if (open) out.push_back(cur);
  std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  return out;
}

std::optional<int> infer_document_year(std::u32string_view t) {
  std::optional<int> best;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!starts_numeral(t[i])) continue;  // read_year's own first test, without the call
    int y;
    size_t e;
    if (read_year(t, i, &y, &e)) {
      if (!best || y > *best) best = y;
      i = e - 1;
    }
  }
  return best;
}

void find_time_marks(std::u32string_view t, std::optional<int> doc_year, const TextMarks& marks, const Lexicon& lex,
                     std::vector<TimeMark>* years, std::vector<PeriodMark>* periods) {
  const auto& rel = lex.cues(CueKind::TimeRelative);
  const auto& now = lex.cues(CueKind::TimeNow);
  const auto& recent = lex.cues(CueKind::TimeRecentYears);
  const auto& since = lex.cues(CueKind::YearSince);
  const auto& basis_lead = lex.cues(CueKind::BasisLead);
  const auto& postposition_verb = lex.cues(CueKind::PostpositionVerb);
  const auto& period = lex.cues(CueKind::Period);
  // 是2015年的2.3倍, 是上年的1.2倍: a time word ending at `e` is the base of a
  // multiple, not the year of the figure
  auto multiple_base = [&](size_t e) {
    size_t a = skip_ws(t, e);
    if (a >= t.size() || t[a] != U'的') return false;
    size_t k = skip_ws(t, a + 1);
    auto m = k < t.size() && starts_numeral(t[k]) ? read_numeral(t, k) : std::nullopt;
    if (!m) return false;
    k = skip_ws(t, m->end);
    return k < t.size() && t[k] == U'倍';
  };
  auto plus = [&](int d) -> std::optional<int> { if (doc_year) return *doc_year + d; return std::nullopt; };

  for (size_t i = 0; i < t.size(); ++i) {
    char32_t ch = t[i];
    const uint8_t starts = lex.starts(ch);
    if (!starts) continue;
    if (marks.in_title[i]) continue;
    const bool numeral = starts & Lexicon::kNumeral;  // starts_numeral(ch)
    // The numeral here, read once for every reading below (year, bare year,
    // 三年内, month). Arabic digits are read from the first digit of a run
    // only (as each reading requires): a run of n digits costs n, not n².
    std::optional<Numeral> n;
    if (numeral && !(is_digit(ch) && i > 0 && is_digit(t[i - 1]))) n = read_numeral(t, i);
    size_t e = 0;
    int y = 0;
    // 2019年, 二〇一九年; "2022年以来" means up to now.
    if (n && !(i > 0 && (is_digit(t[i - 1]) || t[i - 1] == U'.')) && year_of_numeral(t, *n, &y, &e)) {
      // 比2020年增长30%: a comparison base, not the year of the figure
      if (basis_lead.ending_at(t, i, nullptr, true)) { i = e - 1; continue; }
      if (multiple_base(e)) { i = e - 1; continue; }
      size_t a = skip_ws(t, e);
      size_t se = 0;
      if (since.at(t, a, &se)) years->push_back({i, se, plus(0), "now"});
      else years->push_back({i, e, y, "explicit"});
      // 2023年3月: the month is a period
      i = e - 1;
      continue;
    }
    // 2019 海曙数字经济发展大会: a bare year naming an event
    if (is_digit(ch) && (i == 0 || !is_digit(t[i - 1]))) {
      if (n && !n->has_decimal && !n->has_scale && n->int_digits == 4 && n->value >= 1949 && n->value <= 2100) {
        size_t a = skip_ws(t, n->end);
        size_t ue = 0;
        if (a > n->end && a < t.size() && is_han(t[a]) && !lex.unit_at(t, a, &ue) && t[a] != U'年' &&
            t[a] != U'多' && t[a] != U'余')
          years->push_back({i, n->end, static_cast<int>(n->value), "explicit"});
        i = n->end - 1;
        continue;
      }
    }
    // 近三年, 过去五年: the last full years
    size_t re = 0;
    if ((starts & Lexicon::kTimeRecent) && recent.at(t, i, &re) && re < t.size() && starts_numeral(t[re])) {
      auto rn = read_numeral(t, re);
      if (rn) {
        size_t a = skip_ws(t, rn->end);
        if (a < t.size() && t[a] == U'年') {
          // 近三年来 / 近三年以来: up to now, like 2022年以来
          size_t se = 0;
          if (a + 1 < t.size() && t[a + 1] == U'来') years->push_back({i, a + 2, plus(0), "now"});
          else if (since.at(t, a + 1, &se)) years->push_back({i, se, plus(0), "now"});
          else years->push_back({i, a + 1, plus(-1), "relative"});
          i = a;
          continue;
        }
      }
    }
    // 三年内: a horizon ending N-1 years after the document's year
    if (numeral && !is_digit(ch)) {
      if (n && !n->digit_sequence && n->value >= 1 && n->value <= 10) {
        size_t a = skip_ws(t, n->end);
        if (a + 1 < t.size() && t[a] == U'年' && t[a + 1] == U'内') {
          years->push_back({i, a + 2, plus(static_cast<int>(n->value) - 1), "relative"});
          i = a + 1;
          continue;
        }
      }
      // a numeral is read once, not again from each of its characters (万万万…)
      if (n && n->end > i + 1) {
        i = n->end - 1;
        continue;
      }
    }
    // the longer word wins: 今年以来 (now) over 今年 (relative). (When a
    // time_now word matches, one of these two branches takes it.)
    size_t now_end = 0, rel_end = 0;
    const Cue* now_cue = starts & Lexicon::kTimeNow ? now.at(t, i, &now_end) : nullptr;
    const Cue* c = starts & Lexicon::kTimeRelative ? rel.at(t, i, &rel_end) : nullptr;
    if (now_cue && (!c || now_end >= rel_end)) {
      years->push_back({i, now_end, plus(0), "now"});
      i = now_end - 1;
      continue;
    }
    if (c) {
      e = rel_end;
      size_t bs = 0;
      bool is_basis = basis_lead.ending_at(t, i, &bs, true) != nullptr || multiple_base(e);
      // 投产后年产值 / 改造前年产量: after an event verb, 后/前 means after or
      // before the event and 年 starts the next word (annual output)
      if ((t[i] == U'后' || t[i] == U'前') && postposition_verb.ending_at(t, i, nullptr, false)) continue;
      size_t a = skip_ws(t, e);
      // 比去年同期 / 高于去年同期 compare; 去年同期，… opening a clause dates it
      if (a + 1 < t.size() && t[a] == U'同' && t[a + 1] == U'期') {
        size_t b = skip_ws_back(t, i);
        if (b > 0 && !is_clause_end(t[b - 1])) is_basis = true;
      }
      if (!is_basis) years->push_back({i, e, plus(std::stoi(c->value)), "relative"});
      i = e - 1;
      continue;
    }
    if ((starts & Lexicon::kPeriod) && period.at(t, i, &e)) {
      periods->push_back({i, e, u32_to_utf8(t.substr(i, e - i))});
      i = e - 1;
      continue;
    }
    // Months as periods: 3月, 1—5月, 1-5月份 (not dates: 3月17日)
    if (is_digit(ch) && (i == 0 || !is_digit(t[i - 1]))) {
      if (n && !n->has_decimal && n->value >= 1 && n->value <= 12) {
        size_t a = skip_ws(t, n->end);
        size_t month_end = 0;
        if (a < t.size() && (t[a] == U'—' || t[a] == U'-' || t[a] == U'~' || t[a] == U'至')) {
          auto n2 = read_numeral(t, skip_ws(t, a + 1));
          if (n2 && n2->value <= 12) a = skip_ws(t, n2->end);
        }
        if (a < t.size() && t[a] == U'月') {
          month_end = a + 1;
          size_t b = skip_ws(t, month_end);
          bool date = b < t.size() && is_digit(t[b]);
          if (!date) {
            if (month_end < t.size() && t[month_end] == U'份') ++month_end;
            std::u32string p(t.substr(i, month_end - i));
            p.erase(std::remove_if(p.begin(), p.end(), is_space), p.end());
            periods->push_back({i, month_end, u32_to_utf8(p)});
          }
          i = month_end - 1;
          continue;
        }
        i = n->end - 1;
      }
    }
  }
}

const Place* document_place(const Gazetteer& gaz, const std::string& district,
                            const std::vector<PlaceMention>& mentions) {
  if (district.empty()) return nullptr;
  auto cands = gaz.lookup(district);
  if (cands.empty()) return nullptr;
  if (cands.size() == 1) return cands[0];
  // Several divisions share the name: prefer the one whose city or province the text names.
  std::map<std::string, int> mentioned;
  for (const auto& m : mentions)
    for (const Place* p : m.candidates) mentioned[p->name]++;
  const Place* best = cands[0];
  int best_score = -1;
  for (const Place* p : cands) {
    int score = 0;
    if (!p->city.empty() && mentioned.count(p->city)) score += 2 * mentioned[p->city];
    if (mentioned.count(p->province)) score += mentioned[p->province];
    if (score > best_score) { best_score = score; best = p; }
  }
  return best;
}

const Place* title_town(const Gazetteer& gaz, std::u32string_view t, const std::vector<PlaceMention>& mentions,
                        const Place* doc) {
  if (!doc || doc->level != "county") return nullptr;
  size_t a = 0;
  while (a < t.size() && (is_space(t[a]) || t[a] == U'\n')) ++a;
  size_t e = t.find(U'\n', a);
  if (e == std::u32string_view::npos) e = t.size();
  // a title: a short first line with no sentence in it, and text after it
  constexpr size_t kMaxTitle = 60;
  if (e - a > kMaxTitle || e == t.size()) return nullptr;
  for (size_t k = a; k < e; ++k)
    if (is_sentence_end(t[k])) return nullptr;
  for (const PlaceMention& m : mentions) {
    if (m.start >= e) break;
    if (m.start < a) continue;
    const Place* p = gaz.resolve(m.candidates, doc);
    if (!p) return nullptr;
    if (p == doc) { a = m.end; continue; }  // 松阳县四都乡…
    if (m.start == a && p->level == "town" && gaz.parent(*p) == doc) return p;
    return nullptr;
  }
  return nullptr;
}

namespace {

// Where the list marker that ends at `b` starts, if one does at the start of
// a line (1. / 2、 / 三、 / （4）); `b` otherwise.
size_t list_marker_start(std::u32string_view t, size_t b) {
  if (b == 0) return b;
  size_t a = b - 1;
  bool paren = t[a] == U')' || t[a] == U'）';
  if (!paren && t[a] != U'.' && t[a] != U'．' && t[a] != U'、') return b;
  size_t k = a;
  while (k > 0 && a - k < 3 && is_list_numeral(t[k - 1])) --k;
  if (k == a) return b;
  if (paren) {
    if (k == 0 || (t[k - 1] != U'(' && t[k - 1] != U'（')) return b;
    --k;
  }
  size_t s = k;
  while (s > 0 && t[s - 1] != U'\n' && is_space(t[s - 1])) --s;
  return s == 0 || t[s - 1] == U'\n' ? k : b;
}

// Whether the line ending at `b`, followed by `breaks` line breaks, closes
// what came before: a blank line does, and so does a heading (a short line
// without a sentence's end); a single break inside a long line is a
// broken line, which goes on.
bool ends_heading_line(std::u32string_view t, size_t b, int breaks) {
  if (breaks >= 2) return true;
  constexpr size_t kMaxHeading = 30;
  size_t a = b;
  while (a > 0 && t[a - 1] != U'\n' && b - a <= kMaxHeading) --a;
  return b - a <= kMaxHeading && (a == 0 || t[a - 1] == U'\n');
}

// What 全市 means in a document about `doc`: a county-level city (登封市,
// 昆山市) or one a town lies in, else the prefecture-level city.
const Place* city_scope(const Gazetteer& gaz, const Place& doc) {
  auto county_city = [](const Place* p) {
    return p && p->level == "county" && p->name.size() >= 3 && p->name.compare(p->name.size() - 3, 3, "市") == 0;
  };
  if (county_city(&doc)) return &doc;
  if (doc.level == "town" && county_city(gaz.parent(doc))) return gaz.parent(doc);
  const Place* city = gaz.city_of(doc);
  return city ? city : &doc;
}

// 连云港区, 赣榆港区: a port area named after a county or district of the
// document's city (or province) lies in it. The name may read as the
// county's short name and 港区 (赣榆 + 港区) or, when the county and its
// city share a stem, as the city's short name and 区 (连云港 + 区 = 连云 +
// 港区). Returns the county and sets `end` past 港区; nullptr otherwise.
const Place* port_area_county(std::u32string_view t, const PlaceMention& m, std::u32string_view name,
                              const Gazetteer& gaz, const Place* doc, const Lexicon& lex, size_t* end) {
  if (!doc) return nullptr;
  const auto& port = lex.cues(CueKind::PortAreaSuffix);
  size_t pe = 0;
  std::u32string_view stem;
  if (port.at(t, m.end, &pe, false)) stem = name;
  else if (name.size() > 2 && m.end > 0 && port.at(t, m.end - 1, &pe, false)) stem = name.substr(0, name.size() - 1);
  if (stem.empty()) return nullptr;
  const Place* county = gaz.resolve(u32_to_utf8(stem), doc);
  if (!county || county->level != "county") return nullptr;
  const Place* city = gaz.city_of(*doc);
  if (city ? gaz.city_of(*county) != city : county->province != doc->province) return nullptr;
  *end = pe;
  return county;
}

}  // namespace

std::vector<PlaceMark> find_place_marks(std::u32string_view t, const std::vector<PlaceMention>& mentions,
                                        const Gazetteer& gaz, const Place* doc, const TextMarks& marks,
                                        const Lexicon& lex) {
  std::vector<PlaceMark> out;
  out.reserve(mentions.size());
  // Places are the gazetteer's own objects: pointers identify them (as codes would).
  std::vector<const Place*> ancestors;
  for (const Place* p = doc ? gaz.parent(*doc) : nullptr; p; p = gaz.parent(*p)) ancestors.push_back(p);
  const auto& nongov = lex.cues(CueKind::PlaceNongoverningNext);
  const auto& org = lex.cues(CueKind::OrgSuffix);
  const auto& org_window = lex.cues(CueKind::OrgWindow);
  const auto& rank = lex.cues(CueKind::RankVerb);
  const auto& base = lex.cues(CueKind::PlaceBasePrev);
  const auto& scope = lex.cues(CueKind::PlaceScope);
  const auto& town = lex.cues(CueKind::TownSuffix);

  const auto& lead = lex.cues(CueKind::IndicatorLead);
  const auto& period = lex.cues(CueKind::Period);
  // A scope word (全市) opens no organisation's name: 全市港口 is the city's ports.
  auto governs_here = [&](size_t pos, size_t end, bool scope_word = false) {
    size_t a = skip_ws(t, end);
    // 前三 is a rank (宁波市前三名), 前三季度 a period
    size_t ne = 0, pe = 0;
    if (nongov.at(t, a, &ne) && !(period.at(t, a, &pe, false) && pe > ne)) return false;
    if (!scope_word && org.at(t, a, nullptr)) return false;
    // A place opening an organisation's name (上海交大宁波人工智能研究院, 北京银行宁波分行)
    for (size_t k = a; !scope_word && k < t.size() && k < a + 12 && (is_han(t[k]) || is_ascii_alpha(t[k])); ++k)
      if (org_window.at(t, k, nullptr, false)) return false;
    size_t rs = 0;
    if (pos > 0 && rank.ending_at(t, pos, &rs)) return false;
    if (pos > 0 && base.ending_at(t, pos, &rs, false)) return false;
    if (marks.in_title[pos]) return false;
    return true;
  };
  // 全市 governs as the subject of its clause (全市实现生产总值...), not as an
  // attribute or object (入围全市制造业500强, 在全省大会上).
  auto at_clause_start = [&](size_t pos) {
    size_t b = pos;
    while (true) {
      int breaks = 0;
      while (b > 0 && is_space(t[b - 1])) breaks += t[--b] == U'\n';
      if (b == 0 || is_clause_end(t[b - 1])) return true;
      if (breaks > 0 && ends_heading_line(t, b, breaks)) return true;
      if (size_t m = list_marker_start(t, b); m != b) { b = m; continue; }
      size_t s = 0;
      if (lead.ending_at(t, b, &s, false)) { b = s; continue; }
      if (period.ending_at(t, b, &s, false)) { b = s; continue; }
      // 2023年全省 / 1-9月全省: a year or months before it
      if (t[b - 1] == U'年' || t[b - 1] == U'月') {
        size_t a = b - 1;
        while (a > 0 && (is_digit(t[a - 1]) || t[a - 1] == U'-' || t[a - 1] == U'—' || t[a - 1] == U'～' ||
                         t[a - 1] == U'~' || t[a - 1] == U'至'))
          --a;
        if (a < b - 1 && is_digit(t[a])) { b = a; continue; }
      }
      return false;
    }
  };

  std::unordered_set<const Place*> seen_full;  // places named in full so far: their short names may govern
  // 会泽至东川二级公路, 宁波到舟山的铁路: the ends of a route name no place.
  auto route_sep = [](char32_t c) { return c == U'至' || c == U'到' || c == U'—' || c == U'-' || c == U'～'; };
  auto route_end = [&](size_t k) {
    return (k > 0 && mentions[k].start == mentions[k - 1].end + 1 && route_sep(t[mentions[k - 1].end])) ||
           (k + 1 < mentions.size() && mentions[k + 1].start == mentions[k].end + 1 && route_sep(t[mentions[k].end]));
  };
  for (size_t mk = 0; mk < mentions.size(); ++mk) {
    const PlaceMention& m = mentions[mk];
    if (route_end(mk)) continue;
    std::u32string_view name = t.substr(m.start, m.end - m.start);
    const Place* p = gaz.resolve(m.candidates, doc);
    size_t end = m.end;
    if (const Place* county = port_area_county(t, m, name, gaz, doc, lex, &end)) p = county;
    // A known short name followed by 镇/乡/街道 names a local town the gazetteer lacks (吉林镇).
    size_t te = 0;
    bool local_town = false;
    if (town.at(t, m.end, &te, false) && (!p || p->level != "town")) {
      bool known = p && p->name.size() > utf8_size(name);
      if (!known) {
        local_town = true;
        end = te;
      }
    }
    if (!governs_here(m.start, end)) continue;
    if (local_town) {
      out.push_back({m.start, end, nullptr, u32_to_utf8(t.substr(m.start, end - m.start))});
      continue;
    }
    if (!p) continue;
    // The document's city or province named in full (宁波市 in a 海曙区
    // document) governs as the subject of its clause, for its sentence, as
    // 全市 does. Elsewhere it names the wider area (占宁波市的12%); its short
    // name mostly opens a firm's (宁波雄海稀土).
    if (std::find(ancestors.begin(), ancestors.end(), p) != ancestors.end()) {
      if (equals_utf8(name, p->name) && at_clause_start(m.start)) out.push_back({m.start, end, p, {}, true});
      continue;
    }
    // After the copula a place names what the subject is (民乐乡是五常大米的
    //核心产区): it does not become the subject of the figures that follow.
    if (size_t b = skip_ws_back(t, m.start); b > 0 && t[b - 1] == U'是') continue;
    bool full = equals_utf8(name, p->name);
    if (full) seen_full.insert(p);
    bool near = doc && (p->province == doc->province);
    if (!full && !near && !seen_full.count(p) && p->level != "province") continue;
    out.push_back({m.start, end, p, {}});
  }
  const size_t from_gazetteer = out.size();
  // Villages the gazetteer lacks (金米村): two or three characters before
  // 村, as the subject of a clause (，金米村建成…, 邻近的罗庄村…) or right
  // after a town (小岭镇金米村); not as an object (拆除礼嘉桥村300余处), and
  // not a common noun in 村 (农村, 示范村, 全体村民).
  {
    const auto& suffix = lex.cues(CueKind::VillageSuffix);
    const auto& common = lex.cues(CueKind::VillageCommon);
    const auto& word_after = lex.cues(CueKind::VillageWordAfter);
    const auto& not_first = lex.cues(CueKind::VillageNotFirst);
    const auto& relative = lex.cues(CueKind::TimeRelative);
    std::vector<PlaceMark> villages;
    size_t next = 0;  // the first mention not wholly before the current position
    auto all_han = [&](size_t a, size_t b) { return std::all_of(t.begin() + a, t.begin() + b, is_han); };
    auto mention_ends_at = [&](size_t pos) {
      for (size_t k = next; k > 0 && out[k - 1].end >= pos; --k)
        if (out[k - 1].end == pos) return true;
      return false;
    };
    // 邻近的 / 与桐木村相隔二十多公里的 opening the clause
    auto modifier_at_clause_start = [&](size_t a) {
      if (a == 0 || t[a - 1] != U'的') return false;
      for (size_t n = 1; n <= 16 && n + 1 <= a && !is_clause_end(t[a - 1 - n]); ++n)
        if (at_clause_start(a - 1 - n)) return true;
      return false;
    };
    for (size_t v = 2; v < t.size(); ++v) {
      size_t ve = 0;
      if (!suffix.at(t, v, &ve, false)) continue;
      while (next < from_gazetteer && out[next].end <= v) ++next;
      if (next < from_gazetteer && out[next].pos <= v) continue;  // inside a division's name
      if (word_after.at(t, ve, nullptr, false) || common.ending_at(t, v, nullptr, false) ||
          lead.ending_at(t, v, nullptr, false) || relative.ending_at(t, v, nullptr, false))
        continue;
      size_t s = std::u32string_view::npos;
      for (size_t k = 2; k <= 3 && k <= v && all_han(v - k, v) && !not_first.at(t, v - k, nullptr, false); ++k)
        if (at_clause_start(v - k) || mention_ends_at(v - k) || modifier_at_clause_start(v - k)) {
          s = v - k;
          break;
        }
      if (s == std::u32string_view::npos || (next > 0 && out[next - 1].end > s) || !governs_here(s, ve)) continue;
      PlaceMark m{s, ve, nullptr, u32_to_utf8(t.substr(s, ve - s))};
      m.village = true;
      villages.push_back(std::move(m));
    }
    const auto mid = static_cast<std::ptrdiff_t>(out.size());
    out.insert(out.end(), villages.begin(), villages.end());
    std::inplace_merge(out.begin(), out.begin() + mid, out.end(),
                       [](const PlaceMark& a, const PlaceMark& b) { return a.pos < b.pos; });
  }
  // 娜姑镇、待补镇建设…, 天涯区中廖村、吉阳区博后村等…: places listed
  // together share the figures after them; none governs alone (分别 lists
  // still pair each with its figure). A place right after a listed one is
  // part of its item (吉阳区博后村).
  for (size_t k = 0; k + 1 < out.size(); ++k) {
    size_t a = out[k].end;
    if (a < t.size() && t[a] == U'以' && a + 1 < t.size() && t[a + 1] == U'及') ++a;
    if (a < t.size() && (t[a] == U'、' || t[a] == U'和' || t[a] == U'与' || t[a] == U'及') && out[k + 1].pos == a + 1) {
      out[k].joint = out[k + 1].joint = true;
      for (size_t j = k + 2; j < out.size() && out[j].pos == out[j - 1].end; ++j) out[j].joint = true;
    }
  }
  const size_t from_mentions = out.size();
  // The place named last before `pos` (among the mentions) that `is_kind` accepts.
  auto last_named_before = [&](size_t pos, auto is_kind) -> const PlaceMark* {
    const PlaceMark* last = nullptr;
    for (size_t k = 0; k < from_mentions && out[k].pos < pos; ++k)
      if (is_kind(out[k])) last = &out[k];
    return last;
  };
  // 全省 / 全市 / 全区: the document's own province, city, district.
  if (doc) {
    for (size_t i = 0; i < t.size(); ++i) {
      if (!(lex.starts(t[i]) & Lexicon::kPlaceScope)) continue;
      size_t e = 0;
      const Cue* c = scope.at(t, i, &e, false);
      if (!c) continue;
      if (c->value == "town") {
        // 全镇 / 该街道: the town or street named last before it, if any
        // (the document's own, when it is about one)
        const PlaceMark* last = last_named_before(i, [](const PlaceMark& m) {
          return (!m.town.empty() && !m.village) || (m.place && m.place->level == "town");
        });
        if (doc && doc->level == "town") {
          if (governs_here(i, e, true)) out.push_back({i, e, doc, {}});
        }
        else if (last && governs_here(i, e, true) && at_clause_start(i)) out.push_back({i, e, last->place, last->town, true});
      } else if (c->value == "county" && (doc->level == "city" || doc->level == "province")) {
        // 全县 / 全区 in a city's document: the county or district named last
        // before it (张家川回族自治县…，全县牛存栏…), as the clause's subject
        const PlaceMark* last =
            last_named_before(i, [](const PlaceMark& m) { return m.place && m.place->level == "county"; });
        if (last && governs_here(i, e, true) && at_clause_start(i)) out.push_back({i, e, last->place, {}, true});
      } else if (governs_here(i, e, true)) {
        const Place* p = doc;
        if (c->value == "province") p = gaz.province_of(*doc) ? gaz.province_of(*doc) : doc;
        else if (c->value == "city") p = city_scope(gaz, *doc);
        else if (c->value == "prefecture") p = gaz.city_of(*doc) ? gaz.city_of(*doc) : doc;
        // 全县 in a town's document: the county it lies in
        else if (c->value == "county" && doc->level == "town" && gaz.parent(*doc)) p = gaz.parent(*doc);
        bool own = p == doc;
        if (p && (own || at_clause_start(i))) out.push_back({i, e, p, {}, !own});
      }
      i = e - 1;
    }
  }
  // Both runs are in text order: merge them. Only a position in both (a
  // tie, which no real text has) takes the sort, whose order for ties is
  // the one this function has always returned.
  auto by_pos = [](const PlaceMark& a, const PlaceMark& b) { return a.pos < b.pos; };
  auto mid = out.begin() + static_cast<std::ptrdiff_t>(from_mentions);
  bool tie = false;
  for (auto a = out.begin(), b = mid; a != mid && b != out.end() && !tie;) {
    if (a->pos < b->pos) ++a;
    else if (b->pos < a->pos) ++b;
    else tie = true;
  }
  if (tie) std::sort(out.begin(), out.end(), by_pos);
  else std::inplace_merge(out.begin(), mid, out.end(), by_pos);
  return out;
}

}  // namespace claimdb::extract
