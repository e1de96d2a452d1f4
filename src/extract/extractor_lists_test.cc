// Lists in bulletins and reports: parallel items after ；, and 分别 mapping
// listed places or indicators onto the figures after it, in order.
#include <gtest/gtest.h>

#include "claimdb/extractor.h"
#include "util/utf.h"

namespace claimdb {
namespace {

const Extractor& extractor() {
  static const Extractor ex;
  return ex;
}

const Claim* find(const ExtractResult& r, const std::string& quote_part) {
  for (const auto& c : r.claims)
    if (c.quote.find(quote_part) != std::string::npos) return &c;
  return nullptr;
}

struct ListCase {
  const char* text;
  const char* doc_district;
  const char* quote;
  const char* district;   // expected, or nullptr to skip
  const char* indicator;  // expected substring, or nullptr
  double value;
};

class ListCaseTest : public ::testing::TestWithParam<ListCase> {};

TEST_P(ListCaseTest, MapsItemsToFigures) {
  const ListCase& k = GetParam();
  auto r = extractor().extract(utf8_to_u32(k.text), DocContext{2024, k.doc_district});
  const Claim* c = find(r, k.quote);
  ASSERT_NE(c, nullptr) << k.text << " has no claim quoting " << k.quote;
  ASSERT_TRUE(c->value.has_value());
  EXPECT_NEAR(*c->value, k.value, std::abs(k.value) * 1e-9) << k.text;
  if (k.district) EXPECT_EQ(c->district, k.district) << k.text;
  if (k.indicator) EXPECT_NE(c->indicator.find(k.indicator), std::string::npos) << k.text << ": " << c->indicator;
}

const ListCase kCases[] = {
    // places listed before 分别
    {"萧山区、余杭区分别完成固定资产投资820亿元和760亿元。", "杭州市", "820亿元", "萧山区", "固定资产投资", 8.2e10},
    {"萧山区、余杭区分别完成固定资产投资820亿元和760亿元。", "杭州市", "760亿元", "余杭区", "固定资产投资", 7.6e10},
    // the list's figures end at a clause; the total after it is the city's
    {"分县看，德清县、安吉县常住人口分别为55.6万人和60.1万人，两县合计占全市的32.8%。", "湖州市", "60.1万人", "安吉县",
     nullptr, 601000},
    {"分县看，德清县、安吉县常住人口分别为55.6万人和60.1万人，两县合计占全市的32.8%。", "湖州市", "32.8%", "湖州市",
     nullptr, 32.8},
    // indicators listed before 分别, with an unrelated item before the list
    {"全年新设企业3200家、社会消费品零售总额、货物出口额分别达到450亿元、310亿元。", "鄞州区", "450亿元", nullptr,
     "社会消费品零售总额", 4.5e10},
    {"全年新设企业3200家、社会消费品零售总额、货物出口额分别达到450亿元、310亿元。", "鄞州区", "310亿元", nullptr,
     "货物出口额", 3.1e10},
    // parallel items after ；: each county with its own figure, the indicator carried over
    {"分县市看，慈溪市实现地区生产总值2300亿元，增长4.1%；余姚市1500亿元，增长3.6%。", "宁波市", "1500亿元", "余姚市",
     "地区生产总值", 1.5e11},
    {"分县市看，慈溪市实现地区生产总值2300亿元，增长4.1%；余姚市1500亿元，增长3.6%。", "宁波市", "2300亿元", "慈溪市",
     "地区生产总值", 2.3e11},
    // units added with the star schema: lengths in metres, 度 after a scale word
    {"新建改造农村公路86公里。", "长兴县", "86公里", nullptr, "农村公路", 86000},
    {"全社会用电量1.2亿度，增长3%。", "长兴县", "1.2亿度", nullptr, "用电量", 1.2e8},
};

INSTANTIATE_TEST_SUITE_P(Lists, ListCaseTest, ::testing::ValuesIn(kCases));

TEST(Lists, RatesAfterRespectivelyShareTheHeadNoun) {
  auto r = extractor().extract(utf8_to_u32("城镇、农村居民人均可支配收入分别增长4.6%、6.9%。"), DocContext{2024, "长兴县"});
  ASSERT_EQ(r.claims.size(), 2u);
  EXPECT_EQ(r.claims[0].indicator, "城镇居民人均可支配收入");
  EXPECT_EQ(r.claims[1].indicator, "农村居民人均可支配收入");
  EXPECT_DOUBLE_EQ(*r.claims[1].growth_pct, 6.9);
}

// 分别增长5.5%和下降2.4%: the second rate has a verb of its own and still
// goes to the second figure of the list.
TEST(Lists, RespectivelyRatesWithTheirOwnVerbs) {
  auto r = extractor().extract(utf8_to_u32("纺织品和服装分别出口12亿元和8亿元，分别增长5.5%和下降2.4%。"),
                               DocContext{2024, "长兴县"});
  ASSERT_EQ(r.claims.size(), 2u);
  ASSERT_TRUE(r.claims[0].growth_pct && r.claims[1].growth_pct);
  EXPECT_DOUBLE_EQ(*r.claims[0].growth_pct, 5.5);
  EXPECT_DOUBLE_EQ(*r.claims[1].growth_pct, -2.4);
}

// 两家企业分别完成…: the count of the items before 分别 takes no rate.
TEST(Lists, CountBeforeRespectivelyIsNotAnItem) {
  auto r = extractor().extract(utf8_to_u32("两家企业分别完成产值12亿元和8亿元，分别增长5.5%和7.4%。"),
                               DocContext{2024, "长兴县"});
  ASSERT_EQ(r.claims.size(), 3u);
  EXPECT_FALSE(r.claims[0].growth_pct);
  ASSERT_TRUE(r.claims[1].growth_pct && r.claims[2].growth_pct);
  EXPECT_DOUBLE_EQ(*r.claims[1].growth_pct, 5.5);
  EXPECT_DOUBLE_EQ(*r.claims[2].growth_pct, 7.4);
}

TEST(Lists, SizeClassesAreNotFigures) {
  auto r = extractor().extract(utf8_to_u32("新签约超5亿元项目9个、超亿元项目27个。"), DocContext{2024, "长兴县"});
  ASSERT_EQ(r.claims.size(), 2u);
  EXPECT_EQ(r.claims[0].quote, "9个");
  EXPECT_EQ(r.claims[1].quote, "27个");
}

TEST(Lists, HeadingYearGovernsItsSection) {
  const char* text =
      "一、2022年工作回顾\n\n全县完成固定资产投资210亿元。\n\n二、今年主要目标\n\n固定资产投资增长8%。\n";
  auto r = extractor().extract(utf8_to_u32(text), DocContext{2023, "长兴县"});
  ASSERT_EQ(r.claims.size(), 2u);
  EXPECT_EQ(r.claims[0].year, 2022);
  EXPECT_EQ(r.claims[1].year, 2023);
}

TEST(Lists, PastYearInAReview) {
  auto r = extractor().extract(utf8_to_u32("过去的一年，全县新增市场主体8600户。"), DocContext{2024, "长兴县"});
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(r.claims[0].year, 2023);
}

TEST(Lists, DegreesWithoutScaleAreNotEnergy) {
  auto r = extractor().extract(utf8_to_u32("最高气温达到38度。"), DocContext{2024, "长兴县"});
  for (const auto& c : r.claims) EXPECT_NE(c.unit, "kWh") << c.quote;
}

}  // namespace
}  // namespace claimdb
