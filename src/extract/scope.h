// Context that governs a figure from outside its clause: logical
// paragraphs (lines re-joined where layout broke a sentence), time
// expressions (2019年, 去年, 目前, 一季度) and place mentions (海曙区, 全市,
// 洞桥镇). A time word or place governs what follows it in its paragraph
// until the next one.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimdb/gazetteer.h"
#include "extract/quantity.h"

namespace claimdb::extract {

class Lexicon;

struct Span {
  size_t start, end;
  bool heading = false;  // a section heading (一、2023年工作回顾, # ...)
  bool title = false;    // the document's first line, standing alone
};

// Paragraphs as a reader sees them: a line that does not end a sentence
// continues into the next one, across blank lines; short unpunctuated lines
// standing alone (photo captions) and headings are paragraphs of their own.
std::vector<Span> logical_paragraphs(std::u32string_view folded);

// The rank of a section heading's numbering, outermost first: 一、 1,
// （一） 2, 1. 3, （1） 4; # headings by their count of #.
int heading_level(std::u32string_view heading);

struct TimeMark {
  size_t pos = 0, end = 0;
  std::optional<int> year;  // empty: the document's year is unknown
  std::string basis;        // explicit, relative, now
};
struct PeriodMark {
  size_t pos = 0, end = 0;
  std::string period;  // as written: 一季度, 1—5月, 上半年
};

// Time expressions in order of position.
void find_time_marks(std::u32string_view folded, std::optional<int> doc_year, const TextMarks& marks,
                     const Lexicon& lex, std::vector<TimeMark>* years, std::vector<PeriodMark>* periods);

// The document year when no manifest gives one: the latest explicit year
// written in the text (figures are reported after the year they describe).
std::optional<int> infer_document_year(std::u32string_view folded);

struct PlaceMark {
  size_t pos = 0, end = 0;
  const Place* place = nullptr;  // the gazetteer's division; nullptr for a local town it lacks
  std::string town;              // that town's or village's name as written (吉林镇); empty otherwise
  bool sentence_only = false;    // 全市/全省 as a clause's subject: governs its own sentence only
  bool village = false;          // a village the gazetteer lacks (金米村), named in `town`
  bool joint = false;            // one of places listed together (娜姑镇、待补镇): none of them governs alone
  // Official name (or the town's name as written).
  const std::string& name() const { return place ? place->name : town; }
  // GB/T 2260 code, empty for a town the gazetteer lacks.
  std::string_view code() const { return place ? std::string_view(place->code) : std::string_view(); }
};

// The document's own place, resolving an ambiguous manifest name (江北区) by
// the cities and provinces the text mentions (`mentions`: the gazetteer's
// find_mentions() of the folded text, shared with find_place_marks so the
// text is scanned for place names once).
const Place* document_place(const Gazetteer& gaz, const std::string& district,
                            const std::vector<PlaceMention>& mentions);

// A county's document whose title opens with one of its towns (四都乡2023年
// 工作总结, 松阳县四都乡…) is about that town; nullptr otherwise.
const Place* title_town(const Gazetteer& gaz, std::u32string_view folded, const std::vector<PlaceMention>& mentions,
                        const Place* doc_place);

// Place mentions that govern the figures after them.
std::vector<PlaceMark> find_place_marks(std::u32string_view folded, const std::vector<PlaceMention>& mentions,
                                        const Gazetteer& gaz, const Place* doc_place, const TextMarks& marks,
                                        const Lexicon& lex);

}  // namespace claimdb::extract
