// A quantified claim: one figure from a text with its value in base units,
// change, time, place and indicator, pointing at the characters it came
// from. The contract is ../shared/CLAIM_MODEL.md.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace claimdb {

struct Claim {
  size_t span_start = 0;  // code-point offsets into the document body
  size_t span_end = 0;
  std::string quote;      // the exact characters of body[span_start, span_end)

  std::optional<double> value;       // base units; empty for a bare rate of change
  std::string unit;                  // canonical unit code (CNY, USD, m2, 家, ...); empty with no value
  std::string unit_dimension;        // currency, count, area, energy, ... (from units.tsv)
  std::string qualifier = "exact";   // exact, approx, more_than, less_than, range
  std::optional<double> value_low, value_high;
  std::optional<double> growth_pct;  // change in percent attached to this claim
  std::optional<double> growth_pp;   // change in percentage points, when stated
  std::string growth_basis;          // 同比, 比上年, 年均, ...

  std::optional<int> year;
  std::string year_basis;  // explicit, relative, document, inferred
  std::string period;      // 一季度, 上半年, 1—5月, 全年, ... or empty

  std::string district;       // official name (海曙区)
  std::string district_code;  // GB/T 2260 code, empty when unknown
  std::string indicator;       // phrase from the text
  std::string indicator_code;  // code from indicators.tsv, empty when not a known indicator
  std::string modality = "actual";  // actual, target, plan, forecast
  std::string rank;                 // e.g. 位列全省第九
};

}  // namespace claimdb
