// Shared machinery for the extractor's table-driven tests: a Case is one
// sentence and what the claim model says about it; only the fields a case
// sets are compared, and a failure prints the sentence, the expectation and
// every claim the extractor returned. Included by src/extract/*_test.cc only.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "claimdb/extractor.h"
#include "util/utf.h"

namespace claim_cases {

inline constexpr double kAny = std::numeric_limits<double>::quiet_NaN();  // field not checked
inline constexpr double kNull = -1e300;                                    // field must be empty
inline constexpr int kNoYear = -1;                                         // year must be empty

// One sentence and what the claim model says about it. Only the fields a
// case sets are compared. `find` picks the claim whose quote contains it
// (the first claim when null); `count` is the number of claims in the text.
struct Case {
  const char* text;
  int doc_year = 2023;
  const char* doc_district = "鄞州区";
  const char* find = nullptr;
  int count = -1;
  const char* absent = nullptr;  // no claim may overlap these characters of the text
  const char* quote = nullptr;
  double value = kAny;
  const char* unit = nullptr;
  const char* qualifier = nullptr;
  double low = kAny, high = kAny;
  double growth = kAny;
  double pp = kAny;
  int year = 0;  // 0: not checked
  const char* period = nullptr;
  const char* district = nullptr;
  const char* district_code = nullptr;
  const char* indicator = nullptr;  // a substring the indicator phrase must contain
  const char* indicator_code = nullptr;
  const char* modality = nullptr;
  const char* indicator_is = nullptr;  // the indicator phrase exactly (lead and trail words trimmed)
};

inline std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.text; }

inline const claimdb::Extractor& extractor() {
  static const claimdb::Extractor ex;
  return ex;
}

inline std::string fmt(double v) {
  std::ostringstream os;
  os << std::setprecision(12) << v;
  return os.str();
}
inline std::string fmt(const std::optional<double>& v) { return v ? fmt(*v) : "null"; }

inline std::string dump(const claimdb::Claim& c) {
  std::ostringstream os;
  os << "  [" << c.quote << "] value=" << fmt(c.value) << " unit=" << c.unit << " q=" << c.qualifier;
  if (c.value_low || c.value_high) os << " low=" << fmt(c.value_low) << " high=" << fmt(c.value_high);
  os << " growth=" << fmt(c.growth_pct) << " pp=" << fmt(c.growth_pp)
     << " year=" << (c.year ? std::to_string(*c.year) : "null") << " period=" << c.period << " district=" << c.district
     << "(" << c.district_code << ") indicator=" << c.indicator << "(" << c.indicator_code << ") modality=" << c.modality
     << "\n";
  return os.str();
}

inline std::string dump_all(const std::vector<claimdb::Claim>& cs) {
  std::string s = std::to_string(cs.size()) + " claim(s)\n";
  for (const auto& c : cs) s += dump(c);
  return s;
}

inline bool close_to(double want, double got) {
  if (want == got) return true;
  double scale = std::max(std::fabs(want), std::fabs(got));
  return std::fabs(want - got) <= 1e-6 * scale || std::fabs(want - got) < 1e-9;
}

inline void check_num(std::vector<std::string>& errs, const char* name, double want, const std::optional<double>& got) {
  if (std::isnan(want)) return;
  if (want == kNull) {
    if (got) errs.push_back(std::string(name) + ": want null, got " + fmt(*got));
    return;
  }
  if (!got || !close_to(want, *got)) errs.push_back(std::string(name) + ": want " + fmt(want) + ", got " + fmt(got));
}

inline void check_str(std::vector<std::string>& errs, const char* name, const char* want, const std::string& got) {
  if (want && got != want) errs.push_back(std::string(name) + ": want \"" + want + "\", got \"" + got + "\"");
}

inline claimdb::ExtractResult run(const Case& c) {
  return extractor().extract(claimdb::utf8_to_u32(c.text), claimdb::DocContext{c.doc_year, c.doc_district});
}

// Problems with the extractor's answer for one case; empty when it agrees.
inline std::vector<std::string> problems(const Case& c, const claimdb::ExtractResult& r) {
  std::vector<std::string> errs;
  if (c.count >= 0 && static_cast<int>(r.claims.size()) != c.count)
    errs.push_back("count: want " + std::to_string(c.count) + ", got " + std::to_string(r.claims.size()));
  if (c.absent) {
    std::u32string body = claimdb::utf8_to_u32(c.text);
    std::u32string bad = claimdb::utf8_to_u32(c.absent);
    size_t at = body.find(bad);
    if (at == std::u32string::npos) {
      errs.push_back(std::string("test bug: absent text not in sentence: ") + c.absent);
    } else {
      for (const auto& cl : r.claims)
        if (cl.span_start < at + bad.size() && at < cl.span_end)
          errs.push_back(std::string("a claim covers \"") + c.absent + "\": [" + cl.quote + "]");
    }
  }
  bool wants_fields = c.quote || !std::isnan(c.value) || c.unit || c.qualifier || !std::isnan(c.low) ||
                      !std::isnan(c.high) || !std::isnan(c.growth) || !std::isnan(c.pp) || c.year || c.period ||
                      c.district || c.district_code || c.indicator || c.indicator_code || c.modality || c.indicator_is;
  if (!wants_fields && !c.find) return errs;
  const claimdb::Claim* cl = nullptr;
  for (const auto& x : r.claims) {
    if (!c.find || x.quote.find(c.find) != std::string::npos) {
      cl = &x;
      break;
    }
  }
  if (!cl) {
    errs.push_back(std::string("no claim whose quote contains \"") + (c.find ? c.find : "") + "\"");
    return errs;
  }
  check_str(errs, "quote", c.quote, cl->quote);
  check_num(errs, "value", c.value, cl->value);
  check_str(errs, "unit", c.unit, cl->unit);
  check_str(errs, "qualifier", c.qualifier, cl->qualifier);
  check_num(errs, "value_low", c.low, cl->value_low);
  check_num(errs, "value_high", c.high, cl->value_high);
  check_num(errs, "growth_pct", c.growth, cl->growth_pct);
  check_num(errs, "growth_pp", c.pp, cl->growth_pp);
  if (c.year == kNoYear && cl->year) errs.push_back("year: want null, got " + std::to_string(*cl->year));
  if (c.year > 0 && cl->year != std::optional<int>(c.year))
    errs.push_back("year: want " + std::to_string(c.year) + ", got " + (cl->year ? std::to_string(*cl->year) : "null"));
  check_str(errs, "period", c.period, cl->period);
  check_str(errs, "district", c.district, cl->district);
  check_str(errs, "district_code", c.district_code, cl->district_code);
  if (c.indicator && cl->indicator.find(c.indicator) == std::string::npos)
    errs.push_back(std::string("indicator: want a phrase containing \"") + c.indicator + "\", got \"" + cl->indicator + "\"");
  check_str(errs, "indicator_code", c.indicator_code, cl->indicator_code);
  check_str(errs, "indicator", c.indicator_is, cl->indicator);
  check_str(errs, "modality", c.modality, cl->modality);
  return errs;
}

inline void expect_case(const Case& c) {
  auto r = run(c);
  auto errs = problems(c, r);
  std::string msg;
  for (const auto& e : errs) msg += "  " + e + "\n";
  EXPECT_TRUE(errs.empty()) << "sentence: " << c.text << " (doc " << c.doc_year << " " << c.doc_district << ")"
                            << (c.find ? std::string(" find [") + c.find + "]" : std::string()) << "\n"
                            << msg << "extractor said: " << dump_all(r.claims);
}

// Contract (CLAIM_MODEL.md "In the database"): every claim's quote is the text of its span.
inline void expect_spans_match(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    std::u32string body = claimdb::utf8_to_u32(c.text);
    for (const auto& cl : run(c).claims) {
      ASSERT_LE(cl.span_start, cl.span_end) << c.text;
      ASSERT_LE(cl.span_end, body.size()) << c.text;
      EXPECT_EQ(claimdb::u32_to_utf8(body.substr(cl.span_start, cl.span_end - cl.span_start)), cl.quote) << c.text;
    }
  }
}

}  // namespace claim_cases
