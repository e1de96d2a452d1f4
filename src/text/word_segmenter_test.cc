// Word segmentation: NFKC_Casefold, dictionary words, chars tokens, and
// byte ranges that point back into the original text.
#include "text/word_segmenter.h"

#include <gtest/gtest.h>

#include <thread>

namespace claimdb::text {
namespace {

std::vector<std::string> texts(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(w.text);
  return out;
}

TEST(WordSegmenter, SplitsChineseIntoDictionaryWordsAndDropsPunctuation) {
  auto w = texts(WordSegmenter::for_thread().words("我们的工厂今年扩大了生产，效益很好。"));
  EXPECT_NE(std::find(w.begin(), w.end(), "工厂"), w.end());
  EXPECT_NE(std::find(w.begin(), w.end(), "今年"), w.end());
  EXPECT_NE(std::find(w.begin(), w.end(), "生产"), w.end());
  for (const auto& s : w) EXPECT_TRUE(s != "，" && s != "。") << s;
}

TEST(WordSegmenter, FoldsFullWidthFormsAndCase) {
  EXPECT_EQ(segmented_words("ＧＤＰ增长１２％"), segmented_words("GDP增长12%"));
  EXPECT_EQ(segmented_words("ＡＢＣ"), "abc");
  EXPECT_EQ(fold_text("Ｇdp１２"), "gdp12");
  // A Kangxi radical (PDF extraction) folds to the ideograph.
  EXPECT_EQ(segmented_chars("\u2F63产"), "生 产");
}

TEST(WordSegmenter, CharsTokensSplitIdeographsAndKeepOtherRunsWhole) {
  EXPECT_EQ(segmented_chars("新建厂房3.5万平方米，Phase2完工"), "新 建 厂 房 3 5 万 平 方 米 phase2 完 工");
  EXPECT_EQ(char_tokens("a1b2"), std::vector<std::string>{"a1b2"});
  EXPECT_EQ(segmented_chars("，。！"), "");
  EXPECT_EQ(segmented_words(""), "");
}

TEST(WordSegmenter, RangesPointIntoTheOriginalBytes) {
  const std::string s = "共有ＡＢ两家，\n共计１２人";
  for (const auto& w : WordSegmenter::for_thread().char_tokens(s)) {
    ASSERT_LE(w.end, s.size());
    ASSERT_LT(w.begin, w.end);
    EXPECT_EQ(fold_text(s.substr(w.begin, w.end - w.begin)), w.text);
  }
  auto t = WordSegmenter::for_thread().char_tokens(s);
  ASSERT_GE(t.size(), 3u);
  EXPECT_EQ(t[2].text, "ab");
  EXPECT_EQ(s.substr(t[2].begin, t[2].end - t[2].begin), "ＡＢ");
}

TEST(WordSegmenter, InvalidUtf8IsReplacedNotFatal) {
  std::string bad = "产值\xff\xfe增长";
  auto w = WordSegmenter::for_thread().char_tokens(bad);
  ASSERT_FALSE(w.empty());
  EXPECT_EQ(w.front().text, "产");
  EXPECT_EQ(w.back().text, "长");
  EXPECT_EQ(w.back().end, bad.size());
}

// The importer computes both columns in one pass; they must be exactly what
// claimdb_words()/claimdb_chars() return for the same text.
TEST(WordSegmenter, OnePassFormsEqualTheSeparateFunctions) {
  std::vector<std::string> cases = {
      "",
      "全市实现地区生产总值1170.1亿元，同比增长6.5%。",
      "ＧＤＰ达到１２３４亿元；Phase2项目、R&D投入占比2.8%",
      "人々の暮らし、データセンター3か所",
      "ราคา 100 บาท 和 〇 与 \u2F63产",
      "e\u0301t\u00e9 新\u0301区 ⑫ ½ 2024年1-9月",
      "  \n\t，。！？  ",
  };
  // Recombine pieces of the fixed cases so that boundaries fall everywhere.
  const std::vector<std::string> pieces = {"增长", "12.5", "%", "亿元", "，", "GDP", " ", "々", "ー", "カ",
                                           "\u0301", "〇", "ﬁ", "①", "_", ".", "区", "\xff", "年"};
  uint32_t state = 12345;
  for (int i = 0; i < 500; ++i) {
    std::string t;
    for (int k = 0; k < 12; ++k) {
      state = state * 1103515245u + 12345u;
      t += pieces[(state >> 16) % pieces.size()];
    }
    cases.push_back(t);
  }
  for (const auto& c : cases) {
    SegmentedForms f = segmented_forms(c);
    EXPECT_EQ(f.words, segmented_words(c)) << c;
    EXPECT_EQ(f.chars, segmented_chars(c)) << c;
    auto both = WordSegmenter::for_thread().words_and_chars(c);
    auto same = [&](const std::vector<Word>& x, const std::vector<Word>& y) {
      ASSERT_EQ(x.size(), y.size()) << c;
      for (size_t k = 0; k < x.size(); ++k) {
        EXPECT_EQ(x[k].text, y[k].text) << c;
        EXPECT_EQ(x[k].begin, y[k].begin) << c;
        EXPECT_EQ(x[k].end, y[k].end) << c;
        EXPECT_EQ(x[k].ideographic, y[k].ideographic) << c;
      }
    };
    same(both.words, WordSegmenter::for_thread().words(c));
    same(both.chars, WordSegmenter::for_thread().char_tokens(c));
  }
}

TEST(WordSegmenter, OnePerThread) {
  std::string a, b;
  std::thread t1([&] { a = segmented_words("园区企业数量增加"); });
  std::thread t2([&] { b = segmented_words("园区企业数量增加"); });
  t1.join();
  t2.join();
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, segmented_words("园区企业数量增加"));
}

}  // namespace
}  // namespace claimdb::text
