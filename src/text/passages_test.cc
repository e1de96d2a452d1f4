// Tests for split_passages: sentence boundaries with CJK punctuation,
// code-point offsets (astral characters), paragraphs, headings, and
// sentences broken across lines, blank lines and captions. All sample text
// is invented; the corpus test only checks invariants on real articles.
#include "claimdb/passages.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "util/utf.h"

namespace claimdb {
namespace {

struct Expected {
  std::string text;  // UTF-8 of text.substr(start, end - start)
  size_t paragraph;
};

struct Case {
  const char* name;
  std::string text;
  std::vector<Expected> passages;
};

void check(const Case& c) {
  SCOPED_TRACE(c.name);
  const std::u32string text = utf8_to_u32(c.text);
  const std::vector<Passage> got = split_passages(text);
  std::vector<Expected> actual;
  for (const Passage& p : got) {
    ASSERT_LT(p.start, p.end);
    ASSERT_LE(p.end, text.size());
    actual.push_back({u32_to_utf8(text.substr(p.start, p.end - p.start)), p.paragraph});
  }
  ASSERT_EQ(actual.size(), c.passages.size()) << [&] {
    std::string all;
    for (const Expected& e : actual) all += "[" + e.text + "] ";
    return all;
  }();
  for (size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].text, c.passages[i].text) << "passage " << i;
    EXPECT_EQ(actual[i].paragraph, c.passages[i].paragraph) << "passage " << i;
  }
}

TEST(Passages, Punctuation) {
  const Case cases[] = {
      {"full stop, exclamation, question",
       "东湖区今年新增企业120家。全年产值增长8%！这是怎么做到的？",
       {{"东湖区今年新增企业120家。", 0}, {"全年产值增长8%！", 0}, {"这是怎么做到的？", 0}}},
      {"closing quote stays with its sentence",
       "他表示：“今年的目标是增长6%。”随后会议结束。",
       {{"他表示：“今年的目标是增长6%。”", 0}, {"随后会议结束。", 0}}},
      {"opening quote goes with the next sentence",
       "会议在上午结束。“我们有信心完成任务。”负责人说。",
       {{"会议在上午结束。", 0}, {"“我们有信心完成任务。”", 0}, {"负责人说。", 0}}},
      {"corner brackets and parentheses",
       "项目名为「湖光科技园」。（本报记者 王某）全年投资5亿元。",
       {{"项目名为「湖光科技园」。", 0}, {"（本报记者 王某）全年投资5亿元。", 0}}},
      {"semicolon list",
       "一是新增企业50家；二是产值超过10亿元；三是新增就业2000人。",
       {{"一是新增企业50家；", 0}, {"二是产值超过10亿元；", 0}, {"三是新增就业2000人。", 0}}},
      {"ascii semicolon and marks",
       "新增企业50家;产值增长9%!是真的吗?",
       {{"新增企业50家;", 0}, {"产值增长9%!", 0}, {"是真的吗?", 0}}},
      {"ellipsis run",
       "苹果、梨、桃……今年产量翻了一番。",
       {{"苹果、梨、桃……", 0}, {"今年产量翻了一番。", 0}}},
      {"decimal point is not a full stop",
       "总投资达63.92亿元，增长2.5%。",
       {{"总投资达63.92亿元，增长2.5%。", 0}}},
      {"english sentences via ICU",
       "Output rose 5.2% last year. Exports fell. Why?",
       {{"Output rose 5.2% last year.", 0}, {"Exports fell.", 0}, {"Why?", 0}}},
      {"no final punctuation", "全年完成投资30亿元", {{"全年完成投资30亿元", 0}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Passages, AstralCharactersKeepOffsets) {
  // U+20000.. are surrogate pairs in UTF-16; offsets must stay code points.
  const std::u32string text = U"𠀀𠀁𠀂区新增企业。第二句有8家。𝄞末句。";
  const std::vector<Passage> got = split_passages(text);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].start, 0u);
  EXPECT_EQ(got[0].end, 9u);  // 3 astral + 6 BMP characters
  EXPECT_EQ(got[1].start, 9u);
  EXPECT_EQ(text.substr(got[1].start, got[1].end - got[1].start), U"第二句有8家。");
  EXPECT_EQ(text.substr(got[2].start, got[2].end - got[2].start), U"𝄞末句。");
  check({"astral in a broken line", "𠀀字开头的这个句子很长，全区今年共有\n\n12家企业。",
         {{"𠀀字开头的这个句子很长，全区今年共有\n\n12家企业。", 0}}});
}

TEST(Passages, ParagraphsHeadingsAndTitles) {
  const Case cases[] = {
      {"blank line ends paragraph and passage",
       "第一段第一句。第一段第二句\n\n第二段。",
       // "第一段第二句" follows a sentence, so it is taken as cut off.
       {{"第一段第一句。", 0}, {"第一段第二句\n\n第二段。", 0}}},
      {"blank lines with spaces", "第一段。\n  \t \n第二段。\n\u3000\n\n第三段。",
       {{"第一段。", 0}, {"第二段。", 1}, {"第三段。", 2}}},
      {"markdown headings lose their marks",
       "# 东湖区经济概况\n今年全区经济稳中有进。\n\n## 二、产业发展\n\n工业增加值增长7%。",
       {{"东湖区经济概况", 0}, {"今年全区经济稳中有进。", 1}, {"二、产业发展", 2}, {"工业增加值增长7%。", 3}}},
      {"hashtag is not a heading", "#春季招聘#活动吸引了3000人。", {{"#春季招聘#活动吸引了3000人。", 0}}},
      {"title and byline are their own passages",
       "湖畔新城展新颜\n\n记者 张三 李四\n\n今年以来，湖畔新城新开工项目42个。",
       {{"湖畔新城展新颜", 0}, {"记者 张三 李四", 1}, {"今年以来，湖畔新城新开工项目42个。", 2}}},
      {"subtitle with a comma stays separate",
       "聚焦主业，东湖有底气\n\n今年以来，全区规上工业产值增长11%。",
       {{"聚焦主业，东湖有底气", 0}, {"今年以来，全区规上工业产值增长11%。", 1}}},
      {"unfinished text before a heading does not run into it",
       "去年，全区服务业增加值达到580亿元，交通运输业\n\n## 改革攻坚\n\n营商环境持续优化。",
       {{"去年，全区服务业增加值达到580亿元，交通运输业", 0}, {"改革攻坚", 1}, {"营商环境持续优化。", 2}}},
      {"list items start new passages",
       "主要任务\n（一）加快产业转型\n（二）扩大有效投资\n1、稳定就业\n- 优化服务",
       {{"主要任务", 0}, {"（一）加快产业转型", 0}, {"（二）扩大有效投资", 0}, {"1、稳定就业", 0}, {"- 优化服务", 0}}},
      {"crlf line ends",
       "第一句话。\r\n第二句话被\r\n折行了。\r\n\r\n新的段落。\r\n",
       {{"第一句话。", 0}, {"第二句话被\r\n折行了。", 0}, {"新的段落。", 1}}},
      {"form feed is a page break", "上一页。\f下一页。", {{"上一页。", 0}, {"下一页。", 1}}},
      {"leading and trailing whitespace", "  \n\n\u3000\u3000全区人口增长0.5%。  \n\n", {{"全区人口增长0.5%。", 0}}},
      {"empty", "", {}},
      {"only whitespace", " \n\t\r\n\u3000", {}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Passages, BrokenLines) {
  const Case cases[] = {
      {"single line breaks inside a sentence",
       "今年全区规模以上工业企业\n达到1100家，比去年增加\n了86家。下一句。",
       {{"今年全区规模以上工业企业\n达到1100家，比去年增加\n了86家。", 0}, {"下一句。", 0}}},
      {"number split from its unit across a blank line",
       "办理企业诉求共计1100\n\n余件。另有新事。",
       {{"办理企业诉求共计1100\n\n余件。", 0}, {"另有新事。", 1}}},
      {"number split inside a word", "全区高新技术企业总数超\n过 200 家。", {{"全区高新技术企业总数超\n过 200 家。", 0}}},
      {"percent split from its qualifier", "研发投入同比增长10%以\n上，位居全市前列。",
       {{"研发投入同比增长10%以\n上，位居全市前列。", 0}}},
      {"number at the end of a line, unit on the next", "年接待游客约 6000\n万人次。",
       {{"年接待游客约 6000\n万人次。", 0}}},
      {"long sentence cut by a blank line",
       "全区单位能耗下降12%以上，企业平均物流成本下降明显，仓储周转\n\n效率提高了三成。",
       {{"全区单位能耗下降12%以上，企业平均物流成本下降明显，仓储周转\n\n效率提高了三成。", 0}}},
      {"caption inside a sentence",
       "同时，全区单位能耗下降12%以上，企业平均物流成\n\n\n\n湖滨物流园区一角\n\n本降低8%左右。新的一句。",
       {{"同时，全区单位能耗下降12%以上，企业平均物流成\n\n\n\n湖滨物流园区一角\n\n本降低8%左右。", 0},
        {"湖滨物流园区一角", 1},
        {"新的一句。", 2}}},
      {"two captions inside a sentence",
       "截至目前，新区已经累计引进各类高层次人才\n\n图一 新区全景\n\n图二 人才公寓\n\n3200余名。",
       {{"截至目前，新区已经累计引进各类高层次人才\n\n图一 新区全景\n\n图二 人才公寓\n\n3200余名。", 0},
        {"图一 新区全景", 1},
        {"图二 人才公寓", 2}}},
      {"unclosed quote continues",
       "除了打造“智慧园区\n\n综合平台”，还新建了5个基地。",
       {{"除了打造“智慧园区\n\n综合平台”，还新建了5个基地。", 0}}},
      {"sentence cut over several paragraphs",
       "全区共引进企业4952家，注册资金\n\n379.75\n\n亿元。",
       {{"全区共引进企业4952家，注册资金\n\n379.75\n\n亿元。", 0}}},
      {"finished sentence does not swallow a caption",
       "全区新增绿地面积12万平方米。\n\n湖滨公园\n\n居民满意度达到95%。",
       {{"全区新增绿地面积12万平方米。", 0}, {"湖滨公园", 1}, {"居民满意度达到95%。", 2}}},
  };
  for (const Case& c : cases) check(c);
}

// Real articles, when the shared corpus is present: structural invariants.
TEST(Passages, CorpusInvariants) {
  const std::filesystem::path dir = std::filesystem::path(CLAIMDB_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no corpus at " << dir;
  const std::u32string units = U"余多亿万千百个家元%";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    SCOPED_TRACE(entry.path().filename().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::u32string text = utf8_to_u32(bytes.str());
    const std::vector<Passage> ps = split_passages(text);
    ASSERT_FALSE(ps.empty());
    std::vector<bool> covered(text.size(), false);
    for (size_t i = 0; i < ps.size(); ++i) {
      const Passage& p = ps[i];
      ASSERT_LT(p.start, p.end);
      ASSERT_LE(p.end, text.size());
      if (i > 0) {
        EXPECT_GT(p.start, ps[i - 1].start) << "passage " << i;
        EXPECT_GE(p.paragraph, ps[i - 1].paragraph) << "passage " << i;
      }
      EXPECT_FALSE(u_isUWhiteSpace(text[p.start])) << "passage " << i;
      EXPECT_FALSE(u_isUWhiteSpace(text[p.end - 1])) << "passage " << i;
      // A number must not be cut from the unit that follows on a later line.
      if (u_isdigit(text[p.end - 1])) {
        size_t j = p.end;
        while (j < text.size() && u_isUWhiteSpace(text[j])) ++j;
        if (j < text.size()) {
          EXPECT_EQ(units.find(text[j]), std::u32string::npos)
              << "passage " << i << " ends in a number cut from its unit: " << u32_to_utf8(text.substr(p.start, j + 1 - p.start));
        }
      }
      for (size_t k = p.start; k < p.end; ++k) covered[k] = true;
    }
    // Every character except whitespace and heading marks is in some passage.
    for (size_t k = 0; k < text.size(); ++k) {
      if (!covered[k] && !u_isUWhiteSpace(text[k]) && text[k] != U'#') {
        ADD_FAILURE() << "character " << k << " not in any passage";
        break;
      }
    }
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace claimdb
