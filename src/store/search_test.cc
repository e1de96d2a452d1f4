// Passage search: FTS5 quoting of user text, bm25 search with marked hits,
// and the scan used for queries too short for trigrams.
#include <gtest/gtest.h>

#include "claimdb/store.h"
#include "store/testing.h"
#include "store/writer.h"
#include "util/utf.h"

namespace claimdb {
namespace {

TEST(Fts5Query, PlainTextBecomesOnePhrase) {
  EXPECT_EQ(fts5_query("固定资产投资"), "\"固定资产投资\"");
  EXPECT_EQ(fts5_query("GDP 增长"), "\"GDP 增长\"");
  EXPECT_EQ(fts5_query("say \"hi"), "\"say \"\"hi\"");  // a lone quote is text, doubled inside the phrase
  EXPECT_EQ(fts5_query("Android OR"), "\"Android OR\"");
}

TEST(Fts5Query, SyntaxPassesThrough) {
  for (const char* q : {"\"地区生产总值\" AND \"增长\"", "数字经济 OR 工业互联网", "NEAR(\"投资\" \"增长\", 5)",
                        "固定资产*", "(甲乙丙 OR 丁戊己)"})
    EXPECT_EQ(fts5_query(q), q);
}

struct SearchTest : ::testing::Test {
  testing::TempDir dir;
  SQLite::Database db = open_database((dir / "c.db").string(), OpenMode::Create);
  void SetUp() override {
    add("a", "全区固定资产投资增长9.1%。\n全区外资到账2亿美元。", {{0, 15, 0}, {16, 27, 1}});
    add("b", "固定资产投资固定资产投资，再说一次固定资产投资。", {{0, 24, 0}});
  }
  void add(const std::string& doc, const std::string& body, const std::vector<Passage>& passages) {
    DocumentWriter w(db);
    DocumentRecord d;
    d.doc = doc;
    d.title = "标题" + doc;
    d.source_path = doc + ".txt";
    d.sha256 = "0";
    d.encoding = "UTF-8";
    d.body = body;
    w.replace(d, utf8_to_u32(body), passages, {});
  }
};

TEST_F(SearchTest, RanksByBm25AndMarksHits) {
  SearchResult r = search_passages(db, "固定资产投资", {});
  EXPECT_FALSE(r.scanned);
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].doc, "b");  // three hits in a short passage rank first
  EXPECT_EQ(r.hits[1].doc, "a");
  EXPECT_EQ(r.hits[1].title, "标题a");
  EXPECT_EQ(r.hits[1].span_start, 0);
  EXPECT_EQ(r.hits[1].span_end, 15);
  EXPECT_NE(r.hits[1].snippet.find("【固定资产投资】"), std::string::npos) << r.hits[1].snippet;
  EXPECT_LT(r.hits[0].score, 0);  // bm25: more negative is better

  SearchOptions opt;
  opt.limit = 1;
  opt.mark_open = "<b>";
  opt.mark_close = "</b>";
  r = search_passages(db, "固定资产投资", opt);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet.find("<b>固定资产投资</b>"), std::string::npos);
}

TEST_F(SearchTest, ShortQueriesScan) {
  SearchResult r = search_passages(db, "外资", {});
  EXPECT_TRUE(r.scanned);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].span_start, 16);
  EXPECT_EQ(r.hits[0].snippet, "全区【外资】到账2亿美元。");
  EXPECT_EQ(search_passages(db, "投", {}).hits.size(), 2u);
  EXPECT_TRUE(search_passages(db, "无关", {}).hits.empty());
}

TEST_F(SearchTest, BadSyntaxAndEmptyQueriesAreClearErrors) {
  EXPECT_THROW(search_passages(db, "(固定资产", {}), StoreError);
  EXPECT_THROW(search_passages(db, "   ", {}), StoreError);
}

TEST_F(SearchTest, ReplacingADocumentUpdatesTheIndex) {
  add("a", "今年全区新增企业35家。", {{0, 12, 0}});
  auto r = search_passages(db, "固定资产投资", {});
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].doc, "b");
  EXPECT_EQ(search_passages(db, "新增企业", {}).hits.size(), 1u);
}

}  // namespace
}  // namespace claimdb
