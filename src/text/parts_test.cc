#include "text/parts.h"

#include <gtest/gtest.h>

#include <string>

namespace claimdb::text {
namespace {

TEST(Parts, ShortTextIsOnePart) {
  std::string t = "全区实现地区生产总值100亿元。";
  EXPECT_EQ(part_end(t, 0, 1000), t.size());
}

TEST(Parts, PrefersTheLastBlankLine) {
  std::string t = std::string(40, 'a') + "\n\n" + std::string(20, 'b') + "\n \r\n" + std::string(40, 'c') + "\n" +
                  std::string(40, 'd');
  // window [0, 120): the blank lines end at 42 and 66; the later one wins
  EXPECT_EQ(part_end(t, 0, 120), 66u);
}

TEST(Parts, FallsBackToLineBreakThenSentenceEnd) {
  std::string lines = std::string(70, 'a') + "\n" + std::string(100, 'b');
  EXPECT_EQ(part_end(lines, 0, 100), 71u);
  std::string sentences = "开发区" + std::string(60, 'x') + "。" + std::string(100, 'y');
  EXPECT_EQ(part_end(sentences, 0, 100), 9u + 60 + 3);
}

TEST(Parts, NeverCutsInsideACharacter) {
  std::string t;
  for (int i = 0; i < 100; ++i) t += "区";  // 300 bytes, no break anywhere
  for (size_t target : {16u, 100u, 101u, 102u}) {
    size_t from = 0;
    while (from < t.size()) {
      size_t end = part_end(t, from, target);
      ASSERT_GT(end, from);
      ASSERT_LE(end - from, std::max<size_t>(target, 16));
      ASSERT_EQ((end - from) % 3, 0u) << "target " << target;
      from = end;
    }
  }
}

TEST(Parts, IgnoresBreaksInTheFirstHalfOfTheWindow) {
  // a break early in the window would make tiny parts: cut later instead
  std::string t = "a\n\n" + std::string(200, 'b');
  EXPECT_EQ(part_end(t, 0, 100), 100u);
}

}  // namespace
}  // namespace claimdb::text
