// Marking search hits in a passage as stored: the passage is split into the
// same chars tokens the word index uses (NFKC_Casefold, one token per
// ideograph), each query phrase's tokens are found in order, and the
// original characters they cover are wrapped in the marks. Long passages are
// cut to a window around the first hit.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "store/search_query.h"

namespace claimdb::search {

// `text` with every occurrence of `terms` marked; at most `max_chars` code
// points of text (0: all), starting a little before the first hit, with …
// where text was cut.
std::string mark_snippet(std::string_view text, const std::vector<MarkTerm>& terms, const std::string& open,
                         const std::string& close, size_t max_chars);

}  // namespace claimdb::search
