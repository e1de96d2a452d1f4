// Qualifiers and ranges: 约/近/左右 (approx), 多/余/逾/超/超过/以上/突破
// (more_than), 不到/以下/不足 (less_than), and ranges with value_low and
// value_high (value = low end). All sentences are invented for these tests.
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
    // exact
    {.text = "全区共有国家高新技术企业356家。", .find = "356", .count = 1, .value = 356, .unit = "家",
     .qualifier = "exact"},
    // approx
    {.text = "全区规上工业企业约1200家。", .find = "1200", .count = 1, .value = 1200, .unit = "家", .qualifier = "approx"},
    {.text = "近500人参加了当天的专场招聘会。", .find = "500", .count = 1, .value = 500, .unit = "人",
     .qualifier = "approx"},
    {.text = "这个产业园总投资50亿元左右。", .find = "50", .count = 1, .value = 5e9, .unit = "CNY", .qualifier = "approx"},
    {.text = "高端装备产业产值占比将近40%。", .find = "40", .count = 1, .value = 40, .unit = "percent",
     .qualifier = "approx"},
    {.text = "全镇大约有3000户农户种植茭白。", .find = "3000", .count = 1, .value = 3000, .unit = "户",
     .qualifier = "approx"},
    // more_than
    {.text = "景区今年接待游客800多万人次。", .find = "800", .count = 1, .value = 8e6, .qualifier = "more_than"},
    {.text = "全区新增市场主体2万余户。", .find = "2万", .count = 1, .value = 2e4, .unit = "户", .qualifier = "more_than"},
    {.text = "逾3000名志愿者参与了垃圾分类宣传。", .find = "3000", .count = 1, .value = 3000, .unit = "人",
     .qualifier = "more_than"},
    {.text = "超1000家企业享受到研发费用加计扣除。", .find = "1000", .count = 1, .value = 1000, .unit = "家",
     .qualifier = "more_than"},
    {.text = "这家龙头企业年营业收入超过50亿元。", .find = "50", .count = 1, .value = 5e9, .unit = "CNY",
     .qualifier = "more_than"},
    {.text = "全区累计培育专精特新企业200家以上。", .find = "200", .count = 1, .value = 200, .unit = "家",
     .qualifier = "more_than"},
    {.text = "全区外贸进出口总额首次突破1000亿元。", .find = "1000", .count = 1, .value = 1e11, .unit = "CNY",
     .qualifier = "more_than"},
    {.text = "全区共有百余家企业参加了展会。", .find = "百", .count = 1, .value = 100, .unit = "家",
     .qualifier = "more_than"},
    {.text = "街道里有十几家老字号店铺。", .find = "十", .count = 1, .value = 10, .unit = "家", .qualifier = "more_than"},
    {.text = "单个项目的投资额都在3000万元以上。", .find = "3000", .count = 1, .value = 3e7, .unit = "CNY",
     .qualifier = "more_than"},
    {.text = "合作社去年带动农户增收1500余万元。", .find = "1500", .count = 1, .value = 1.5e7, .unit = "CNY",
     .qualifier = "more_than"},
    // less_than
    {.text = "整个审批流程用时不到10天。", .find = "10", .count = 1, .value = 10, .unit = "day",
     .qualifier = "less_than"},
    {.text = "商务楼宇的空置率已不足5%。", .find = "5", .count = 1, .value = 5, .unit = "percent",
     .qualifier = "less_than"},
    {.text = "小微企业贷款平均审批时间在3天以下。", .find = "3", .count = 1, .value = 3, .unit = "day",
     .qualifier = "less_than"},
    // ranges
    {.text = "今年计划新引进2至3家龙头企业。", .find = "2", .count = 1, .value = 2, .unit = "家", .qualifier = "range",
     .low = 2, .high = 3},
    {.text = "产品毛利率一般在10%—15%之间。", .find = "10", .count = 1, .value = 10, .unit = "percent",
     .qualifier = "range", .low = 10, .high = 15},
    {.text = "力争每年培育一到两家上市企业。", .find = "一", .count = 1, .value = 1, .unit = "家", .qualifier = "range",
     .low = 1, .high = 2},
    {.text = "每个街道每年新增3~5个特色项目。", .find = "3", .count = 1, .value = 3, .unit = "个",
     .qualifier = "range", .low = 3, .high = 5},
    {.text = "单个项目投资额在5亿至8亿元之间。", .find = "5", .count = 1, .value = 5e8, .unit = "CNY",
     .qualifier = "range", .low = 5e8, .high = 8e8},
    {.text = "全区将建成20-30个未来乡村示范村。", .find = "20", .count = 1, .value = 20, .unit = "个",
     .qualifier = "range", .low = 20, .high = 30},
    {.text = "各重点行业营业收入增长16%—37%。", .find = "16", .count = 1, .qualifier = "range", .growth = 16},
    {.text = "全区2000多家企业参与了数字化改造。", .find = "2000", .count = 1, .value = 2000, .unit = "家",
     .qualifier = "more_than"},
    {.text = "区里选派30余名干部驻企服务。", .find = "30", .count = 1, .value = 30, .unit = "人", .qualifier = "more_than"},
    {.text = "预计全年地区生产总值增长6%左右。", .find = "6", .count = 1, .qualifier = "approx", .growth = 6},
};

// No known gaps: every case here passes today.

class QualifierCase : public ::testing::TestWithParam<Case> {};
TEST_P(QualifierCase, MatchesClaimModel) { expect_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Qualifiers, QualifierCase, ::testing::ValuesIn(kCases));

TEST(ExtractorQualifiers, SpansMatchQuotes) { expect_spans_match(kCases); }

}  // namespace
