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
#include "extract/claim_cases_test_util.h"
#include "util/utf.h"

namespace {

using namespace claim_cases;


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
    // verbs of having and plan words around the phrase are not part of it
    {.text = "全县共有省级工业园区4个。", .find = "4", .indicator_is = "省级工业园区"},
    {.text = "全市拥有国家级专精特新企业75家。", .find = "75", .indicator_is = "国家级专精特新企业"},
    {.text = "全县现有家庭农场130家。", .find = "130", .indicator_is = "家庭农场"},
    {.text = "该镇现有家庭农场130家。", .find = "130", .indicator_is = "家庭农场"},
    {.text = "全镇共有专业合作社20家。", .find = "20", .indicator_is = "专业合作社"},
    {.text = "全区有效发明专利拥有量8600件。", .find = "8600", .indicator_is = "有效发明专利拥有量"},
    {.text = "全县地区生产总值预期增长6.5%。", .find = "6.5", .indicator_is = "地区生产总值"},
    {.text = "农村居民人均可支配收入由1.9万元提高到2.6万元。", .find = "2.6", .count = 2,
     .indicator_is = "农村居民人均可支配收入"},
    {.text = "城市绿化覆盖率从38%提高到42%。", .find = "38", .count = 2, .indicator_is = "城市绿化覆盖率"},
    // a comparison with a written year and a 的 left by a time word are not part of the thing measured
    {.text = "全区研发投入比2020年增长45%。", .find = "45", .indicator_is = "研发投入"},
    {.text = "全区税收较2019年同期增长8%。", .find = "8", .indicator_is = "税收"},
    {.text = "2019年的产值是2015年的1.5倍。", .find = "1.5", .indicator_is = "产值"},
    // listed items parallel to the start of the last one share its head noun
    {.text = "全区第一、二、三产业增加值分别为50亿元、300亿元和400亿元。", .find = "50亿元", .count = 3,
     .indicator_is = "第一产业增加值"},
    {.text = "全区第一、二、三产业增加值分别为50亿元、300亿元和400亿元。", .find = "300亿元", .count = 3,
     .indicator_is = "二产业增加值"},
    {.text = "全区第一产业、第二产业和第三产业增加值分别为50亿元、300亿元和400亿元。", .find = "300亿元", .count = 3,
     .indicator_is = "第二产业增加值"},
    {.text = "新增企业、高新技术企业数量分别为30家和12家。", .find = "30家", .count = 2, .indicator_is = "新增企业"},
};

// No known gaps: every case here passes today.

class IndicatorCase : public ::testing::TestWithParam<Case> {};
TEST_P(IndicatorCase, MatchesClaimModel) { expect_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Indicator, IndicatorCase, ::testing::ValuesIn(kCases));

TEST(ExtractorIndicator, SpansMatchQuotes) { expect_spans_match(kCases); }

}  // namespace
