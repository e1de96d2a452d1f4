// The indicator of a figure: the measured thing as a short phrase from the
// text around the number (地区生产总值, 引进落户科创企业), and its code when the
// phrase names a known regional indicator (indicators.tsv).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "extract/quantity.h"

namespace claimdb::extract {

class Lexicon;

struct IndicatorPhrase {
  std::string phrase;
  std::string code;
};

// `clause_start`/`clause_end` bound the figure's clause; `subject_end` is
// where the phrase before the figure stops (the growth verb for a bare rate,
// else the quote's start); `skip` lists spans (place names, time words)
// to drop from the phrase's start.
IndicatorPhrase indicator_for(std::u32string_view folded, size_t clause_start, size_t subject_end,
                              size_t quote_end, size_t clause_end, bool counting, const Lexicon& lex);

}  // namespace claimdb::extract
