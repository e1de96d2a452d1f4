#include "util/utf.h"

#include <gtest/gtest.h>

namespace claimdb {
TEST(Utf, RoundTripsChineseAndAstral) {
  std::string s = "海曙区1170.1亿元 𠀀";
  auto u = utf8_to_u32(s);
  EXPECT_EQ(u.size(), 13u);  // 3 + 6 + 2 + space + one astral code point
  EXPECT_EQ(u32_to_utf8(u), s);
}
TEST(Utf, InvalidBytesBecomeReplacement) {
  auto u = utf8_to_u32(std::string("a\xff" "b"));
  EXPECT_EQ(u, std::u32string(U"a\uFFFDb"));
}
}  // namespace claimdb
