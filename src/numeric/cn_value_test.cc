// cn_number() and cn_amount(): numerals and amounts read by the extractor's
// lexer and unit table, the whole text or nothing.
#include "numeric/cn_value.h"

#include <gtest/gtest.h>

namespace claimdb::numeric {
namespace {

TEST(CnNumber, ChineseArabicAndMixedNumerals) {
  EXPECT_EQ(cn_number("一千二百三十四"), 1234);
  EXPECT_EQ(cn_number("两千"), 2000);
  EXPECT_EQ(cn_number("1.2万亿"), 1.2e12);
  EXPECT_EQ(cn_number("三万五千"), 35000);
  EXPECT_EQ(cn_number(" 12,345 "), 12345);
  EXPECT_EQ(cn_number("１２"), 12);
  EXPECT_EQ(cn_number("-3.5"), -3.5);
  EXPECT_EQ(cn_number("负五"), -5);
}

TEST(CnNumber, NotANumber) {
  for (const char* s : {"", "  ", "abc", "增长", "12个", "一千多元钱", "3.5%"})
    EXPECT_FALSE(cn_number(s).has_value()) << s;
}

TEST(CnAmount, AmountsInBaseUnits) {
  auto a = cn_amount("1170.1亿元");
  ASSERT_TRUE(a);
  EXPECT_DOUBLE_EQ(a->value, 117010000000.0);
  EXPECT_EQ(a->unit, "CNY");
  a = cn_amount("2.57亿美元");
  ASSERT_TRUE(a);
  EXPECT_DOUBLE_EQ(a->value, 257000000.0);
  EXPECT_EQ(a->unit, "USD");
  a = cn_amount("5.1平方公里");
  ASSERT_TRUE(a);
  EXPECT_DOUBLE_EQ(a->value, 5100000.0);
  EXPECT_EQ(a->unit, "m2");
  a = cn_amount("三千万元");
  ASSERT_TRUE(a);
  EXPECT_DOUBLE_EQ(a->value, 3e7);
  a = cn_amount("42");  // a bare number has no unit
  ASSERT_TRUE(a);
  EXPECT_EQ(a->value, 42);
  EXPECT_EQ(a->unit, "");
}

TEST(CnAmount, NotAnAmount) {
  for (const char* s : {"", "增长很快", "1170.1亿元和5亿元", "约", "元"})
    EXPECT_FALSE(cn_amount(s).has_value()) << s;
}

}  // namespace
}  // namespace claimdb::numeric
