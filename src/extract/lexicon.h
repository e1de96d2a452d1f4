// The extractor's vocabulary, loaded from the embedded schema/ tables:
// unit words (unit_words.tsv), cue words (cues.tsv) and indicator aliases
// (indicators.tsv), each searchable by longest match at a text position.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "place/name_trie.h"

namespace claimdb::extract {

// A set of characters as a bitmap over the BMP; characters past it are
// always members (a conservative "may be" for prefilters).
class CharSet {
 public:
  bool contains(char32_t c) const { return c >= 0x10000 || (bits_[c >> 6] >> (c & 63) & 1); }
  void add(char32_t c) {
    if (c < 0x10000) bits_[c >> 6] |= uint64_t{1} << (c & 63);
  }

 private:
  std::array<uint64_t, 0x10000 / 64> bits_{};
};

// A word list searchable by longest match. Payloads are indices into a
// caller's table. With skip_space, whitespace between the word's characters
// is allowed (scanned text: "超\n过", "以\n上").
//
// Lookups run at nearly every text position, so the tries are the gazetteer's
// flat hash tries (place/name_trie.h: an edge is one probe, no per-node
// containers), and a first/last-character bitmap answers "no word here"
// before any probe.
class WordTrie {
 public:
  void add(std::u32string_view word, int payload);
  struct Match { size_t end = 0; int payload = -1; };
  // Longest word starting at text[pos]; payload -1 when none.
  Match longest(std::u32string_view text, size_t pos, bool skip_space = true) const;
  // False when no word starts with c (a cheap test before longest()).
  bool may_start(char32_t c) const { return first_.contains(c); }
  bool may_end(char32_t c) const { return last_.contains(c); }
  // Longest word ending exactly at text[end) (searching backwards).
  Match longest_ending(std::u32string_view text, size_t end, bool skip_space = true) const;

 private:
  // One direction's trie: node ids index payload and has_next.
  struct Dir {
    NameTrie trie{64};
    std::vector<int> payload{-1};      // per node; -1 when no word ends there
    std::vector<uint8_t> has_next{0};  // per node: some word continues past it
  };
  void insert(Dir& d, std::u32string_view word, bool reversed, int payload);
  Dir fwd_, bwd_;
  // Most text positions start (or end) no word: a bit per BMP character.
  CharSet first_, last_;
};

struct UnitWord {
  std::string word;
  std::string unit;       // canonical code (units.tsv)
  std::string dimension;  // currency, count, area, ...
  double factor = 1;
  bool counting = false;
};

struct Cue {
  std::string kind, word, value;
};

// The kinds of cue words in cues.tsv. Every kind must have rows there: the
// lexicon refuses to load otherwise, so a misspelt kind fails at start-up.
enum class CueKind {
  ActualMarker,
  BasisLead,
  Doubling,
  FlatWord,
  FutureAfterJiang,
  GrowthBasis,
  GrowthConnector,
  GrowthFiller,
  GrowthVerb,
  IndicatorLead,
  IndicatorTrail,
  Modality,
  MoneyNoun,
  MultipleLead,
  NonclaimNext,
  NonclaimPrev,
  NounUnit,
  ObjectChangeVerb,
  OrgSuffix,
  OrgWindow,
  PerUnitNext,
  PhaseWord,
  Period,
  PlaceBasePrev,
  PlaceNongoverningNext,
  PlaceScope,
  PortAreaSuffix,
  PostpositionVerb,
  QualifierPrefix,
  QualifierSuffix,
  QualifierSuffixDuration,
  RangeSep,
  RateThenLevel,
  RateNoun,
  RankVerb,
  SpeechNow,
  SpeechVerb,
  TimeNow,
  TimeRecentYears,
  TimeRelative,
  TimeReportRelative,
  ThresholdNoun,
  TownSuffix,
  UnitBlocker,
  VillageCommon,
  VillageNotFirst,
  VillageSuffix,
  VillageWordAfter,
  YearSince,
  kCount
};
inline constexpr const char* kCueKindNames[] = {
    "actual_marker",
    "basis_lead",
    "doubling",
    "flat_word",
    "future_after_jiang",
    "growth_basis",
    "growth_connector",
    "growth_filler",
    "growth_verb",
    "indicator_lead",
    "indicator_trail",
    "modality",
    "money_noun",
    "multiple_lead",
    "nonclaim_next",
    "nonclaim_prev",
    "noun_unit",
    "object_change_verb",
    "org_suffix",
    "org_window",
    "per_unit_next",
    "phase_word",
    "period",
    "place_base_prev",
    "place_nongoverning_next",
    "place_scope",
    "port_area_suffix",
    "postposition_verb",
    "qualifier_prefix",
    "qualifier_suffix",
    "qualifier_suffix_duration",
    "range_sep",
    "rate_then_level",
    "rate_noun",
    "rank_verb",
    "speech_now",
    "speech_verb",
    "time_now",
    "time_recent_years",
    "time_relative",
    "time_report_relative",
    "threshold_noun",
    "town_suffix",
    "unit_blocker",
    "village_common",
    "village_not_first",
    "village_suffix",
    "village_word_after",
    "year_since",
};


struct Indicator {
  std::string code, name_zh, name_en, category;
};

class Lexicon {
 public:
  // The lexicon built from the embedded tables (loaded once, thread-safe).
  static const Lexicon& instance();

  std::vector<UnitWord> units;
  WordTrie unit_trie;
  const UnitWord* unit_at(std::u32string_view text, size_t pos, size_t* end) const;

  // Cue words of one kind (e.g. "growth_verb").
  struct CueSet {
    std::vector<Cue> cues;
    WordTrie trie;
    // Inline first-character tests: most positions start (or end) no cue word.
    const Cue* at(std::u32string_view text, size_t pos, size_t* end, bool skip_space = true) const {
      if (pos >= text.size() || !trie.may_start(text[pos])) return nullptr;
      return at_slow(text, pos, end, skip_space);
    }
    const Cue* ending_at(std::u32string_view text, size_t end, size_t* start, bool skip_space = true) const {
      if (end == 0 || end > text.size() || !trie.may_end(text[end - 1])) return nullptr;
      return ending_at_slow(text, end, start, skip_space);
    }
    const Cue* at_slow(std::u32string_view text, size_t pos, size_t* end, bool skip_space) const;
    const Cue* ending_at_slow(std::u32string_view text, size_t end, size_t* start, bool skip_space) const;
    // Leftmost occurrence in text[from, to); returns npos when none.
    size_t find(std::u32string_view text, size_t from, size_t to, const Cue** cue = nullptr,
                size_t* end = nullptr) const;
  };
  const CueSet& cues(CueKind kind) const { return cue_sets_[static_cast<size_t>(kind)]; }

  // What may start at a character, for the scans that visit every
  // character (quantities, time expressions, 全市-style scopes): a numeral, or
  // a word of one of these lists. One byte per BMP character, so a scan tests
  // each character once and looks up only the lists that can match there.
  enum StartBit : uint8_t {
    kNumeral = 1,  // starts_numeral()
    kTimeRelative = 2,
    kTimeNow = 4,
    kTimeRecent = 8,
    kPeriod = 16,
    kPlaceScope = 32,
  };
  uint8_t starts(char32_t c) const {
    // past the BMP: no numeral; any word may start (the lists check)
    return c < 0x10000 ? starts_[c] : kTimeRelative | kTimeNow | kTimeRecent | kPeriod | kPlaceScope;
  }

  std::vector<Indicator> indicators;
  WordTrie indicator_trie;  // aliases -> index into indicators
  // The indicator whose longest alias occurs in `phrase`; nullptr if none.
  const Indicator* indicator_in(std::u32string_view phrase) const;

  // Dimension of a canonical unit code ("" when unknown).
  std::string dimension_of(const std::string& unit) const;

 private:
  Lexicon();
  std::vector<CueSet> cue_sets_;  // indexed by CueKind
  // StartBits by BMP character (an array in place: the scans' loops read it
  // without reloading a vector's data pointer after every store)
  std::array<uint8_t, 0x10000> starts_{};
  std::unordered_map<std::string, std::string> dimensions_;
};

}  // namespace claimdb::extract
