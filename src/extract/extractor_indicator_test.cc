// Indicator: the phrase names the thing measured, and known indicators get
// their code from schema/indicators.tsv (the longest alias wins). All
// sentences are invented for these tests.
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

namespace {

// ---- shared case machinery (kept local to this file: each test file stands alone) ----
constexpr double kAny = std::numeric_limits<double>::quiet_NaN();  // field not checked
constexpr double kNull = -1e300;                                    // field must be empty
constexpr int kNoYear = -1;                                         // year must be empty

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
};

[[maybe_unused]] std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.text; }

const claimdb::Extractor& extractor() {
  static const claimdb::Extractor ex;
  return ex;
}

std::string fmt(double v) {
  std::ostringstream os;
  os << std::setprecision(12) << v;
  return os.str();
}
std::string fmt(const std::optional<double>& v) { return v ? fmt(*v) : "null"; }

std::string dump(const claimdb::Claim& c) {
  std::ostringstream os;
  os << "  [" << c.quote << "] value=" << fmt(c.value) << " unit=" << c.unit << " q=" << c.qualifier;
  if (c.value_low || c.value_high) os << " low=" << fmt(c.value_low) << " high=" << fmt(c.value_high);
  os << " growth=" << fmt(c.growth_pct) << " pp=" << fmt(c.growth_pp)
     << " year=" << (c.year ? std::to_string(*c.year) : "null") << " period=" << c.period << " district=" << c.district
     << "(" << c.district_code << ") indicator=" << c.indicator << "(" << c.indicator_code << ") modality=" << c.modality
     << "\n";
  return os.str();
}

std::string dump_all(const std::vector<claimdb::Claim>& cs) {
  std::string s = std::to_string(cs.size()) + " claim(s)\n";
  for (const auto& c : cs) s += dump(c);
  return s;
}

bool close_to(double want, double got) {
  if (want == got) return true;
  double scale = std::max(std::fabs(want), std::fabs(got));
  return std::fabs(want - got) <= 1e-6 * scale || std::fabs(want - got) < 1e-9;
}

void check_num(std::vector<std::string>& errs, const char* name, double want, const std::optional<double>& got) {
  if (std::isnan(want)) return;
  if (want == kNull) {
    if (got) errs.push_back(std::string(name) + ": want null, got " + fmt(*got));
    return;
  }
  if (!got || !close_to(want, *got)) errs.push_back(std::string(name) + ": want " + fmt(want) + ", got " + fmt(got));
}

void check_str(std::vector<std::string>& errs, const char* name, const char* want, const std::string& got) {
  if (want && got != want) errs.push_back(std::string(name) + ": want \"" + want + "\", got \"" + got + "\"");
}

claimdb::ExtractResult run(const Case& c) {
  return extractor().extract(claimdb::utf8_to_u32(c.text), claimdb::DocContext{c.doc_year, c.doc_district});
}

// Problems with the extractor's answer for one case; empty when it agrees.
std::vector<std::string> problems(const Case& c, const claimdb::ExtractResult& r) {
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
                      c.district || c.district_code || c.indicator || c.indicator_code || c.modality;
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
  check_str(errs, "modality", c.modality, cl->modality);
  return errs;
}

void expect_case(const Case& c) {
  auto r = run(c);
  auto errs = problems(c, r);
  std::string msg;
  for (const auto& e : errs) msg += "  " + e + "\n";
  EXPECT_TRUE(errs.empty()) << "sentence: " << c.text << " (doc " << c.doc_year << " " << c.doc_district << ")"
                            << (c.find ? std::string(" find [") + c.find + "]" : std::string()) << "\n"
                            << msg << "extractor said: " << dump_all(r.claims);
}

// Contract (CLAIM_MODEL.md "In the database"): every claim's quote is the text of its span.
void expect_spans_match(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    std::u32string body = claimdb::utf8_to_u32(c.text);
    for (const auto& cl : run(c).claims) {
      ASSERT_LE(cl.span_start, cl.span_end) << c.text;
      ASSERT_LE(cl.span_end, body.size()) << c.text;
      EXPECT_EQ(claimdb::u32_to_utf8(body.substr(cl.span_start, cl.span_end - cl.span_start)), cl.quote) << c.text;
    }
  }
}
// ---- end of shared case machinery ----

const std::vector<Case> kCases = {
    {.text = "全区实现地区生产总值1352.6亿元。", .find = "1352.6", .indicator = "地区生产总值", .indicator_code = "gdp"},
    {.text = "全区GDP增长6.1%。", .find = "6.1", .indicator = "GDP", .indicator_code = "gdp"},
    {.text = "全区人均地区生产总值15.6万元。", .find = "15.6", .indicator = "人均地区生产总值",
     .indicator_code = "gdp_per_capita"},
    {.text = "全区完成一般公共预算收入86.5亿元。", .find = "86.5", .indicator = "一般公共预算收入",
     .indicator_code = "public_budget_revenue"},
    {.text = "全区税收收入120亿元。", .find = "120", .indicator = "税收收入", .indicator_code = "tax_revenue"},
    {.text = "全区完成固定资产投资412.7亿元。", .find = "412.7", .indicator = "固定资产投资",
     .indicator_code = "fixed_asset_investment"},
    {.text = "全区完成固定资产投资412.7亿元，其中建安投资额198.3亿元。", .find = "198.3", .count = 2,
     .indicator = "建安投资", .indicator_code = "construction_investment"},
    {.text = "全区完成固定资产投资412.7亿元，其中建安投资额198.3亿元。", .find = "412.7", .count = 2,
     .indicator = "固定资产投资", .indicator_code = "fixed_asset_investment"},
    {.text = "全区房地产开发投资下降10.5%。", .find = "10.5", .indicator = "房地产开发投资",
     .indicator_code = "real_estate_investment"},
    {.text = "全区实现社会消费品零售总额720亿元。", .find = "720", .indicator = "社会消费品零售总额",
     .indicator_code = "retail_sales"},
    {.text = "全区外贸出口额达到950亿元。", .find = "950", .indicator = "出口", .indicator_code = "exports"},
    {.text = "全区进出口总额1500亿元。", .find = "1500", .indicator = "进出口总额", .indicator_code = "trade_total"},
    {.text = "全区实际利用外资3.5亿美元。", .find = "3.5", .indicator = "实际利用外资", .indicator_code = "fdi_actual"},
    {.text = "全社会研发经费投入45亿元。", .find = "45", .indicator = "研发经费", .indicator_code = "rd_spending"},
    {.text = "全区新认定国家高新技术企业120家。", .find = "120", .indicator = "高新技术企业",
     .indicator_code = "hightech_enterprises"},
    {.text = "全区新设市场主体2.8万户。", .find = "2.8", .indicator = "市场主体", .indicator_code = "new_market_entities"},
    {.text = "全区规模以上工业增加值增长9.1%。", .find = "9.1", .indicator = "规模以上工业增加值",
     .indicator_code = "industrial_va_above_size"},
    {.text = "全区规上工业增加值突破800亿元。", .find = "800", .indicator = "规上工业增加值",
     .indicator_code = "industrial_va_above_size"},
    {.text = "全区全社会用电量110亿千瓦时。", .find = "110", .indicator = "用电量", .indicator_code = "power_consumption"},
    {.text = "全区城镇居民人均可支配收入8.2万元。", .find = "8.2", .indicator = "城镇居民人均可支配收入",
     .indicator_code = "urban_income"},
    {.text = "全区农村居民人均可支配收入4.6万元。", .find = "4.6", .indicator = "农村居民人均可支配收入",
     .indicator_code = "rural_income"},
    {.text = "港区集装箱吞吐量3500万标箱。", .find = "3500", .indicator = "吞吐量", .indicator_code = "port_throughput"},
    {.text = "全区常住人口达到164万人。", .find = "164", .indicator = "常住人口", .indicator_code = "population"},
    {.text = "全区全年接待游客1200万人次。", .find = "1200", .indicator = "游客", .indicator_code = "tourists"},
    {.text = "全区有效发明专利拥有量8600件。", .find = "8600", .indicator = "发明专利", .indicator_code = "patents"},
    // not a known indicator: the phrase still names it, the code is empty
    {.text = "全区今年新建口袋公园18个。", .find = "18", .indicator = "口袋公园", .indicator_code = ""},
    {.text = "全区累计建成新能源汽车充电桩4500个。", .find = "4500", .indicator = "充电桩", .indicator_code = ""},
};

// No known gaps: every case here passes today.

class IndicatorCase : public ::testing::TestWithParam<Case> {};
TEST_P(IndicatorCase, MatchesClaimModel) { expect_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Indicator, IndicatorCase, ::testing::ValuesIn(kCases));

TEST(ExtractorIndicator, SpansMatchQuotes) { expect_spans_match(kCases); }

}  // namespace
