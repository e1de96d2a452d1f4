// Not claims (CLAIM_MODEL.md "Not claims"): dates and years, edition and
// page numbers, names and slogans with numerals, ordinal ranks, phone and
// hotline numbers, 500强, 一名 used as an article, and 万元GDP as a unit of
// measure. A real figure next to them is still found. All sentences are
// invented for these tests.
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
    // dates and years
    {.text = "3月17日，全区召开招商引资大会，现场签约项目25个。", .find = "25", .count = 1, .absent = "3月17日",
     .value = 25},
    {.text = "2023年，全区新增国家高新技术企业80家。", .find = "80", .count = 1, .absent = "2023年", .value = 80},
    {.text = "2020年12月31日，新的产业园正式开园。", .count = 0},
    {.text = "4月中旬，区里召开了经济形势分析会。", .count = 0},
    {.text = "区里评选出2022—2023年度优秀企业家。", .count = 0},
    // the first of a pair of point changes takes the 百分点 the second ends with
    {.text = "全区出口额86亿元，增长12.5%，增速分别高于全市、全省3.1个和4.5个百分点。", .count = 1, .absent = "3.1个"},
    {.text = "新增企业3个和个体户5家。", .find = "3个", .value = 3, .unit = "个"},
    // phases and sections: a one-character numeral before 期 or 标段 names one
    {.text = "物流园一期已经投用，二期正在建设。", .count = 0},
    {.text = "高速公路三标段完成路基施工。", .count = 0},
    {.text = "今年共举办技能培训班两期。", .find = "两期", .value = 2, .unit = "期"},
    {.text = "今年共举办技能培训班12期。", .find = "12", .value = 12, .unit = "期"},
    // ordinals and editions
    {.text = "第四届数字经济大会吸引企业300家参展。", .find = "300", .count = 1, .absent = "第四届", .value = 300},
    {.text = "更多报道详见13—24版。", .count = 0},
    {.text = "全区地区生产总值增速位列全省第九。", .count = 0},
    {.text = "全区第一个未来社区正式建成。", .count = 0},
    // names and slogans with numerals
    {.text = "“十三五”期间，全区累计引进产业项目400个。", .find = "400", .count = 1, .absent = "十三五", .value = 400},
    {.text = "区里着力抓好三个“一号工程”。", .count = 0},
    {.text = "区里深入实施“246”产业集群培育工程。", .count = 0},
    {.text = "全区去年建成5G基站1200个。", .find = "1200", .count = 1, .absent = "5G", .value = 1200},
    {.text = "地铁4号线南延段今天开通运营。", .count = 0},
    {.text = "企业发布了supOS4.0工业操作系统。", .count = 0},
    {.text = "全区深入实施3315系列计划。", .count = 0},
    {.text = "区委1号文件聚焦乡村振兴。", .count = 0},
    {.text = "区里出台了优化营商环境三年行动计划。", .count = 0},
    {.text = "全区主动融入“一带一路”建设。", .count = 0},
    {.text = "一是加快项目建设，二是优化营商环境。", .count = 0},
    // phone numbers, hotlines, postcodes
    {.text = "企业服务咨询电话：0574-87654321。", .count = 0},
    {.text = "市民可以拨打81890求助热线。", .count = 0},
    {.text = "来信请寄：鄞州区某某路1号，邮编315100。", .count = 0},
    // 500强, 一名, 万元GDP
    {.text = "区内已有世界500强企业投资项目32个。", .find = "32", .count = 1, .absent = "500强", .value = 32},
    {.text = "区里来了一名年轻的创业者。", .count = 0},
    {.text = "全区万元GDP能耗下降3.5%。", .find = "3.5", .count = 1, .absent = "万元", .growth = -3.5},
    // everyday words that contain numerals
    {.text = "市民可拨打12345政务服务便民热线反映问题。", .count = 0},
    {.text = "区两会期间，代表们围绕营商环境建言献策。", .count = 0},
    {.text = "四季度，全区外贸出口明显回暖。", .count = 0},
    {.text = "全区上下一起努力，一些企业的订单开始回暖。", .count = 0},
    {.text = "全区千方百计稳住百姓就业。", .count = 0},
    {.text = "全区万众一心推进长三角一体化。", .count = 0},
    {.text = "区里持续加大三农投入。", .count = 0},
    {.text = "全区第二产业增加值650亿元。", .find = "650", .count = 1, .absent = "第二", .value = 6.5e10},
    // quoted speech holds figures; a quoted name or slogan does not
    {.text = "他说：“今年订单同比增长了近四成。”", .find = "四成", .count = 1, .growth = 40},
    {.text = "“今年新增企业三十家，订单增长了三成。”", .find = "三十", .count = 2, .value = 30},
};

// No known gaps: every case here passes today.

class NonClaimCase : public ::testing::TestWithParam<Case> {};
TEST_P(NonClaimCase, MatchesClaimModel) { expect_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(NonClaims, NonClaimCase, ::testing::ValuesIn(kCases));

TEST(ExtractorNonClaims, SpansMatchQuotes) { expect_spans_match(kCases); }

}  // namespace
