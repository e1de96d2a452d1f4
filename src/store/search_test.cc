// Passage search: query parsing and index choice, rendering for the trigram
// and word indexes, bm25 ranking with marked hits, queries of every length,
// full-width forms, prefixes, filters, claims, and index maintenance.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <cmath>
#include <fstream>

#include "claimdb/store.h"
#include "store/search.h"
#include "store/search_query.h"
#include "store/search_snippet.h"
#include "store/testing.h"
#include "store/writer.h"
#include "util/utf.h"

namespace claimdb {
namespace {

using search::choose_index;
using search::parse_query;

TEST(SearchQuery, PlainTextIsOnePhrase) {
  auto q = parse_query("  固定资产投资 ");
  EXPECT_EQ(q.kind, search::QueryNode::Kind::Phrase);
  EXPECT_EQ(q.text, "固定资产投资");
  EXPECT_EQ(parse_query("Android OR").text, "Android OR");
  EXPECT_EQ(parse_query("say \"hi").text, "say \"hi");  // a lone quote is text
}

TEST(SearchQuery, ChoosesTheIndexThePhrasesNeed) {
  EXPECT_EQ(choose_index(parse_query("增长9.1%")), SearchIndex::Trigram);       // a symbol, literally
  EXPECT_EQ(choose_index(parse_query("\"地区生产总值\" AND \"R&D\"")), SearchIndex::Trigram);
  EXPECT_EQ(choose_index(parse_query("固定资产投资")), SearchIndex::Words);     // letters only
  EXPECT_EQ(choose_index(parse_query("外资")), SearchIndex::Words);            // 2 characters
  EXPECT_EQ(choose_index(parse_query("投")), SearchIndex::Words);
  EXPECT_EQ(choose_index(parse_query("9% AND 增长")), SearchIndex::Words);     // one phrase too short
  EXPECT_EQ(choose_index(parse_query("GDP")), SearchIndex::Words);            // Latin
  EXPECT_EQ(choose_index(parse_query("ＧＤＰ增长９％")), SearchIndex::Words);    // full-width
  EXPECT_EQ(choose_index(parse_query("数字经济*")), SearchIndex::Words);       // prefix
}

TEST(SearchQuery, RendersForEachIndex) {
  auto q = parse_query("\"地区生产总值\" AND (外资 OR 外贸) NOT 进口额");
  EXPECT_EQ(search::trigram_match(parse_query("\"地区生产总值\" NOT 进口额")), "(\"地区生产总值\" NOT \"进口额\")");
  std::string w = search::words_match(q);
  EXPECT_NE(w.find("chars : \"外 资\""), std::string::npos) << w;
  EXPECT_NE(w.find(" NOT "), std::string::npos) << w;
  EXPECT_EQ(search::words_match(parse_query("ＧＤＰ")), "chars : \"gdp\"");
  EXPECT_EQ(search::words_match(parse_query("工厂*")), "words : \"工厂\" *");
  EXPECT_THROW(search::trigram_match(parse_query("外资")), StoreError);
  EXPECT_THROW(search::words_match(parse_query("，。")), StoreError);
}

TEST(SearchQuery, SyntaxErrorsAreClear) {
  for (const char* q : {"(固定资产", "固定 AND (投资", "NEAR(投资, 5)", "\"a\" *b", "   "}) {
    try {
      auto n = parse_query(q);
      search::words_match(n);
      ADD_FAILURE() << "no error for " << q;
    } catch (const StoreError& e) {
      EXPECT_FALSE(std::string(e.what()).empty());
    }
  }
}

TEST(SearchQuery, PlansForTheIdeographTrigramIndex) {
  auto plan = [](const char* q) { return search::chars3_plan(parse_query(q)); };
  EXPECT_TRUE(plan("固定资产投资").usable);
  EXPECT_FALSE(plan("固定资产投资").verify);
  EXPECT_EQ(plan("固定资产投资").match, "\"固定资产投资\"");
  EXPECT_EQ(plan("\"地区生产\" NOT 进口额").match, "(\"地区生产\" NOT \"进口额\")");
  EXPECT_FALSE(plan("\"地区生产\" NOT 进口额").verify);
  // Digits and short runs: a superset, checked passage by passage.
  EXPECT_TRUE(plan("到账2亿美元").verify);
  EXPECT_EQ(plan("到账2亿美元").match, "\"到账2亿美元\"");
  EXPECT_EQ(plan("2023年到账2亿").match, "\"年到账2亿\"");  // digits at the ends are only checked
  EXPECT_EQ(plan("地区生产 AND 外资").match, "\"地区生产\"");
  EXPECT_TRUE(plan("地区生产 AND 外资").verify);
  EXPECT_EQ(plan("地区生产 NOT 外资").match, "\"地区生产\"");
  EXPECT_EQ(plan("ＧＤＰ增长率").match, "\"增长率\"");
  EXPECT_TRUE(plan("ＧＤＰ增长率").verify);
  // Nothing to narrow the passages down, or not answerable there.
  for (const char* q : {"外资", "GDP", "14", "外资 OR 地区生产", "外资 NOT 地区生产", "地区生产*", "NEAR(地区生产 增长, 5)", "Café增长率"})
    EXPECT_FALSE(plan(q).usable) << q;
  EXPECT_EQ(search::count_phrase({"a", "b", "a", "b", "a"}, {"a", "b", "a"}), 2u);
  EXPECT_EQ(search::count_phrase({"a"}, {"a", "b"}), 0u);
  auto q = parse_query("(外资 OR 外贸) NOT 进口");
  EXPECT_TRUE(search::query_matches(q, {0, 1, 0}));
  EXPECT_FALSE(search::query_matches(q, {1, 0, 1}));
  EXPECT_FALSE(search::query_matches(q, {0, 0, 0}));
}

TEST(SearchSnippet, MarksTokensInTheOriginalText) {
  auto terms = search::mark_terms(parse_query("ｇｄｐ OR 外资 NOT 进口"));
  EXPECT_EQ(search::mark_snippet("全区GDP与外资，进口下降。", terms, "[", "]", 0), "全区[GDP]与[外资]，进口下降。");
  EXPECT_EQ(search::mark_snippet("外\n资到位", search::mark_terms(parse_query("外资")), "[", "]", 0), "[外\n资]到位");
  std::string long_text(300, 'x');
  long_text = "开头" + long_text + "外资到位" + long_text;
  std::string s = search::mark_snippet(long_text, search::mark_terms(parse_query("外资")), "[", "]", 40);
  EXPECT_NE(s.find("[外资]"), std::string::npos);
  EXPECT_EQ(s.rfind("…", 0), 0u);
  EXPECT_LE(utf8_to_u32(s).size(), 40u + 4);
}

struct SearchTest : ::testing::Test {
  testing::TempDir dir;
  SQLite::Database db = open_database((dir / "c.db").string(), OpenMode::Create);
  void SetUp() override {
    add("a", "全区固定资产投资增长9.1%。\n全区外资到账2亿美元。", {{0, 15, 0}, {16, 27, 1}}, "海曙区", 2022);
    add("b", "固定资产投资固定资产投资，再说一次固定资产投资。", {{0, 24, 0}}, "江北区", 2021);
    add("c", "ＧＤＰ总量上升，Robotics产业园开工。", {{0, 22, 0}}, "", std::nullopt);
  }
  void add(const std::string& doc, const std::string& body, const std::vector<Passage>& passages,
           const std::string& district, std::optional<int> year, const std::vector<Claim>& claims = {}) {
    DocumentWriter w(db);
    DocumentRecord d;
    d.doc = doc;
    d.title = "标题" + doc;
    d.source_path = doc + ".txt";
    d.sha256 = "0";
    d.encoding = "UTF-8";
    d.body = body;
    d.district = district;
    d.year = year;
    w.replace(d, utf8_to_u32(body), passages, claims);
  }
  std::vector<std::string> docs(std::string_view q, SearchOptions o = {}) {
    std::vector<std::string> out;
    for (const auto& h : search_passages(db, q, o).hits) out.push_back(h.doc);
    return out;
  }
};

TEST_F(SearchTest, RanksByBm25AndMarksHits) {
  SearchResult r = search_passages(db, "固定资产投资", {});
  EXPECT_EQ(r.index, SearchIndex::Words);
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].doc, "b");  // three hits in a short passage rank first
  EXPECT_EQ(r.hits[1].doc, "a");
  EXPECT_EQ(r.hits[1].title, "标题a");
  EXPECT_EQ(r.hits[1].span_start, 0);
  EXPECT_EQ(r.hits[1].span_end, 15);
  EXPECT_EQ(r.hits[1].snippet, "全区【固定资产投资】增长9.1%。");
  EXPECT_LT(r.hits[0].score, 0);

  r = search_passages(db, "增长9.1%", {});  // literal symbols: the trigram index
  EXPECT_EQ(r.index, SearchIndex::Trigram);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].snippet, "全区固定资产投资【增长9.1】%。");
  EXPECT_TRUE(search_passages(db, "增长9.2%", {}).hits.empty());

  SearchOptions opt;
  opt.limit = 1;
  opt.mark_open = "<b>";
  opt.mark_close = "</b>";
  r = search_passages(db, "固定资产投资", opt);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet.find("<b>固定资产投资</b>"), std::string::npos);
}

TEST_F(SearchTest, ShortQueriesUseTheWordIndex) {
  SearchResult r = search_passages(db, "外资", {});
  EXPECT_EQ(r.index, SearchIndex::Words);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].span_start, 16);
  EXPECT_EQ(r.hits[0].snippet, "全区【外资】到账2亿美元。");
  EXPECT_EQ(docs("投").size(), 2u);
  EXPECT_EQ(docs("资产").size(), 2u);
  EXPECT_TRUE(docs("无关").empty());
  EXPECT_TRUE(docs("资外").empty());  // characters in the wrong order
  EXPECT_EQ(docs("全 区 外 资"), std::vector<std::string>{"a"});  // spacing does not matter
}

TEST_F(SearchTest, FullWidthAndHalfWidthFormsMatch) {
  EXPECT_EQ(docs("GDP"), std::vector<std::string>{"c"});
  EXPECT_EQ(docs("gdp"), std::vector<std::string>{"c"});
  EXPECT_EQ(docs("ＧＤＰ总量"), std::vector<std::string>{"c"});
  EXPECT_EQ(docs("２亿"), std::vector<std::string>{"a"});
  auto r = search_passages(db, "gdp", {});
  EXPECT_EQ(r.hits.at(0).snippet, "【ＧＤＰ】总量上升，Robotics产业园开工。");
}

TEST_F(SearchTest, OperatorsAndPrefixes) {
  EXPECT_EQ(docs("外资 OR 产业"), (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(docs("投资 NOT 外资"), (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(docs("外资 AND 美元"), std::vector<std::string>{"a"});
  EXPECT_TRUE(docs("固定 AND 美元").empty());  // both in one passage
  EXPECT_EQ(docs("robot*"), std::vector<std::string>{"c"});
  EXPECT_TRUE(docs("robot").empty());  // a whole Latin word, not a substring
  EXPECT_EQ(docs("\"再说\""), std::vector<std::string>{"b"});
}

TEST_F(SearchTest, FiltersByDocDistrictYearAndIndicator) {
  SearchOptions o;
  o.district = "海曙区";
  EXPECT_EQ(docs("投资", o), std::vector<std::string>{"a"});
  o.district = "江北";  // short name
  EXPECT_EQ(docs("投资", o), std::vector<std::string>{"b"});
  o = {};
  o.year = 2021;
  EXPECT_EQ(docs("固定资产投资", o), std::vector<std::string>{"b"});
  o = {};
  o.doc = "a";
  EXPECT_EQ(docs("投资", o), std::vector<std::string>{"a"});
  o = {};
  o.indicator = "fixed_asset_investment";
  EXPECT_TRUE(docs("投资", o).empty());  // no claims stored
}

TEST_F(SearchTest, ClaimsOfTheMatchingPassages) {
  Claim c;
  c.span_start = 8;
  c.span_end = 13;
  c.quote = "9.1%";
  c.growth_pct = 9.1;
  c.year = 2022;
  c.indicator = "固定资产投资";
  Claim d;
  d.span_start = 22;
  d.span_end = 26;
  d.quote = "2亿美元";
  d.value = 2e8;
  d.unit = "USD";
  d.year = 2022;
  // offsets: "全区固定资产投资增长9.1%。" -> 9.1% is at [10, 14)
  c.span_start = 10;
  c.span_end = 14;
  add("a", "全区固定资产投资增长9.1%。\n全区外资到账2亿美元。", {{0, 15, 0}, {16, 27, 1}}, "海曙区", 2022, {c, d});
  ClaimSearchResult r = search_claims(db, "外资", {});
  EXPECT_EQ(r.passages, 1u);
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(r.claims[0].quote, "2亿美元");
  EXPECT_EQ(r.claims[0].value, 2e8);
  EXPECT_EQ(r.claims[0].unit, "USD");
  r = search_claims(db, "全区", {});
  ASSERT_EQ(r.claims.size(), 2u);  // both passages; the shorter ranks first
  EXPECT_EQ(r.claims[0].quote, "2亿美元");
  EXPECT_EQ(r.claims[1].quote, "9.1%");
  EXPECT_LT(r.claims[0].passage_rank, r.claims[1].passage_rank);
  SearchOptions o;
  o.year = 2021;
  EXPECT_TRUE(search_claims(db, "全区", o).claims.empty());
  o.limit = 1;
  o.year.reset();
  EXPECT_EQ(search_claims(db, "全区", o).claims.size(), 1u);
}

TEST_F(SearchTest, BadSyntaxAndEmptyQueriesAreClearErrors) {
  EXPECT_THROW(search_passages(db, "(固定资产", {}), StoreError);
  EXPECT_THROW(search_passages(db, "   ", {}), StoreError);
}

TEST_F(SearchTest, ReplacingADocumentUpdatesBothIndexes) {
  add("a", "今年全区新增企业35家。", {{0, 12, 0}}, "海曙区", 2022);
  EXPECT_EQ(docs("固定资产投资"), std::vector<std::string>{"b"});
  EXPECT_TRUE(docs("外资").empty());
  EXPECT_EQ(docs("新增企业"), std::vector<std::string>{"a"});
  EXPECT_EQ(docs("企业"), std::vector<std::string>{"a"});
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM passage_segments").getInt(),
            db.execAndGet("SELECT count(*) FROM passages").getInt());
  db.exec("INSERT INTO passages_words(passages_words, rank) VALUES ('integrity-check', 1)");
}

// FTS5's own bm25() over every match, as search ranked before candidates
// were bounded: (rowid, score) best first, ties in passage order.
std::vector<std::pair<long long, double>> fts5_ranking(SQLite::Database& db, const std::string& fts,
                                                       const std::string& match, const std::string& district = "") {
  std::vector<std::pair<long long, double>> out;
  SQLite::Statement st(db, "SELECT " + fts + ".rowid, bm25(" + fts + ") AS s FROM " + fts +
                               " JOIN passages p ON p.id = " + fts + ".rowid JOIN documents d ON d.doc = p.doc WHERE " +
                               fts + " MATCH ?1 AND (?2 = '' OR d.district = ?2) ORDER BY s, " + fts + ".rowid");
  st.bind(1, match);
  st.bind(2, district);
  while (st.executeStep()) out.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getDouble());
  return out;
}

TEST_F(SearchTest, ScoresAreFts5Bm25WhenEveryMatchIsRanked) {
  add("d", "全区固定资产投资增长较快。外资企业投资固定资产。固定资产。", {{0, 13, 0}, {13, 24, 0}, {24, 29, 1}}, "海曙区",
      2023);
  const bool chars3 = db.tableExists("passages_chars3");
  for (const char* q : {"固定资产投资", "投资", "资", "外资 OR 固定", "投资 AND 固定资产", "投资 NOT 外资", "NEAR(固定 投资, 3)",
                        "固定*", "增长9.1%", "资产投资", "固定资产 OR 外资企业", "固定资产 AND 全区固定", "固定资产 NOT 外资企业",
                        "\"投资固定\" OR 较快", "投资增长9", "2亿美元", "到账2亿美元", "1亿美元", "固定资产 AND 外资",
                        "固定资产 NOT 外资", "全区外资 OR 投资增长9", "外资 AND 9"}) {
    SearchOptions o;
    o.limit = 100;
    for (size_t candidates : {size_t(0), kSearchCandidates, size_t(1)}) {
      SearchStats stats;
      SearchResult r = search_passages(db, q, o, candidates, &stats);
      EXPECT_EQ(stats.chars3, chars3 && r.index == SearchIndex::Words && search::chars3_plan(parse_query(q)).usable) << q;
      if (candidates == 1) {  // bounded: the newest match only
        EXPECT_LE(r.hits.size(), 1u) << q;
        continue;
      }
      auto want = fts5_ranking(db, r.index == SearchIndex::Trigram ? "passages_fts" : "passages_words", r.match);
      ASSERT_EQ(r.hits.size(), want.size()) << q;
      for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(r.hits[i].passage_id, want[i].first) << q << " #" << i;
        EXPECT_NEAR(r.hits[i].score, want[i].second, 1e-9) << q << " #" << i;
      }
    }
  }
}

TEST_F(SearchTest, FrequentPhrasesRankTheNewestCandidates) {
  // 30 documents with 外资; the newest ones are imported last.
  for (int i = 0; i < 30; ++i) {
    std::string body = i % 3 ? "全区外资到账增长。" : "外资。";
    add("n" + std::to_string(100 + i), body, {{0, utf8_to_u32(body).size(), 0}}, "", std::nullopt);
  }
  long long newest_ten = db.execAndGet("SELECT min(id) FROM (SELECT id FROM passages ORDER BY id DESC LIMIT 10)").getInt64();
  SearchOptions o;
  o.limit = 5;
  SearchStats stats;
  SearchResult r = search_passages(db, "外资", o, 10, &stats);
  EXPECT_TRUE(stats.bounded);
  EXPECT_EQ(stats.ranked, 10u);
  EXPECT_GT(stats.matches_estimate, 10.0);
  ASSERT_EQ(r.hits.size(), 5u);
  for (size_t i = 0; i < r.hits.size(); ++i) {
    EXPECT_GE(r.hits[i].passage_id, newest_ten);
    // The three short passages among the newest ten first, as bm25 ranks them.
    EXPECT_EQ(r.hits[i].text, i < 3 ? "外资。" : "全区外资到账增长。");
  }
  // Every match ranked: 31 passages (30 + document a), not bounded.
  r = search_passages(db, "外资", o, 0, &stats);
  EXPECT_FALSE(stats.bounded);
  EXPECT_EQ(stats.ranked, 31u);
  EXPECT_EQ(stats.matches_estimate, 31.0);
  ASSERT_EQ(r.hits.size(), 5u);
  EXPECT_EQ(r.hits[0].text, "外资。");
  // A filter is applied in the scan: the bound counts passages that pass it.
  o.district = "海曙区";
  r = search_passages(db, "外资", o, 3, &stats);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].doc, "a");
  o = {};
  o.doc = "n100";
  r = search_passages(db, "外资", o, 1, &stats);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].doc, "n100");
}

TEST_F(SearchTest, ManyCandidatesScoreAsFts5Bm25) {
  // Over 100 candidates: the words forms are scanned, not read passage by passage.
  for (int i = 0; i < 130; ++i) {
    std::string body = std::string(i % 7 ? "今年" : "") + "外资到账增长" + (i % 3 ? "较快" : "") + "。";
    add("w" + std::to_string(i), body, {{0, utf8_to_u32(body).size(), 0}}, i % 2 ? "海曙区" : "", std::nullopt);
  }
  for (const char* q : {"外资到账", "资到账增", "外资到账 OR 增长较快", "外资到账 AND 今年外资", "外资到账 NOT 较快"}) {
    SearchOptions o;
    o.limit = 200;
    for (bool district : {false, true}) {
      o.district = district ? "海曙区" : "";
      SearchResult r = search_passages(db, q, o, 0);
      auto want = fts5_ranking(db, "passages_words", r.match, o.district);
      ASSERT_EQ(r.hits.size(), want.size()) << q;
      for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(r.hits[i].passage_id, want[i].first) << q << " #" << i;
        EXPECT_NEAR(r.hits[i].score, want[i].second, 1e-9) << q << " #" << i;
      }
    }
  }
}

TEST_F(SearchTest, DigitsAtThePhraseEndsAreChecked) {
  for (int i = 0; i < 80; ++i) add("m" + std::to_string(i), "1亿美元到账。", {{0, 7, 0}}, "", std::nullopt);
  add("two", "12亿美元到账。", {{0, 8, 0}}, "", std::nullopt);
  add("one", "2亿美元到账。", {{0, 7, 0}}, "", std::nullopt);
  SearchStats stats;
  // 82 passages hold 亿美元到账, one of them 2亿美元到账 (not 12亿...). With
  // 500 candidates, all 82 are checked; with 10, too few of the first ones
  // pass for that to be worth it, and the word index answers, alike.
  const bool chars3 = db.tableExists("passages_chars3");
  for (size_t candidates : {kSearchCandidates, size_t(10)}) {
    SearchResult r = search_passages(db, "2亿美元到账", {}, candidates, &stats);
    EXPECT_EQ(stats.chars3, chars3 && candidates == kSearchCandidates);
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.hits[0].doc, "one");
  }
  SearchResult r;
  // Ideographs only: listed by passages_chars3 (when the database has it).
  r = search_passages(db, "美元到账", {}, kSearchCandidates, &stats);
  EXPECT_EQ(r.hits.size(), 10u);
  EXPECT_EQ(stats.chars3, chars3);
}

TEST_F(SearchTest, ClaimFiltersFindOlderClaimsBeyondTheBound) {
  Claim c;
  c.span_start = 6;
  c.span_end = 10;
  c.quote = "2亿美元";
  c.value = 2e8;
  c.unit = "USD";
  c.year = 2020;
  add("old", "全区外资到账2亿美元。", {{0, 11, 0}}, "", std::nullopt, {c});
  for (int i = 0; i < 20; ++i) add("new" + std::to_string(i), "全区外资到账。", {{0, 7, 0}}, "", std::nullopt);
  SearchOptions o;
  o.year = 2020;
  SearchStats stats;
  ClaimSearchResult r = search_claims(db, "外资", o, 5, &stats);
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(r.claims[0].doc, "old");
  EXPECT_EQ(r.claims[0].passage_rank, 1u);  // among the passages holding such claims
  EXPECT_EQ(r.passages, 1u);
  o.year = 2019;
  EXPECT_TRUE(search_claims(db, "外资", o, 5).claims.empty());
}

TEST(SearchOpen, ReadOnlyWhenCurrentMigratedOtherwise) {
  testing::TempDir dir;
  const std::string path = (dir / "c.db").string();
  auto all = embedded_migrations();
  {
    auto db = open_database(path, OpenMode::Create, {all.front()});
    db.exec("INSERT INTO documents (doc, year_basis, source_path, sha256, encoding, byte_size, imported_at, body)"
            " VALUES ('x', 'none', 'x.txt', '0', 'UTF-8', 1, 'now', '园区新增外资企业')");
    db.exec("INSERT INTO passages (doc, seq, paragraph, span_start, span_end, text) VALUES ('x', 0, 0, 0, 8, '园区新增外资企业')");
  }
  {
    // Version 1: migrated like any other command would.
    auto db = open_search_database(path);
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), all.back().version);
    EXPECT_EQ(search_passages(db, "外资", {}).hits.size(), 1u);
  }
  {
    // Current: read-only, nothing to check or change.
    auto db = open_search_database(path);
    EXPECT_EQ(sqlite3_db_readonly(db.getHandle(), "main"), 1);
    EXPECT_EQ(search_passages(db, "外资", {}).hits.size(), 1u);
  }
  EXPECT_THROW(open_search_database((dir / "missing.db").string()), StoreError);
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));
  std::ofstream(dir / "text.db") << "not a database at all, just some text";
  try {
    open_search_database((dir / "text.db").string());
    ADD_FAILURE() << "opened a text file";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("not a SQLite database"), std::string::npos) << e.what();
  }
}

TEST(SearchMigration, Version1DatabasesAreBackfilled) {
  testing::TempDir dir;
  const std::string path = (dir / "old.db").string();
  auto all = embedded_migrations();
  {
    auto db = open_database(path, OpenMode::Create, {all.front()});
    db.exec("INSERT INTO documents (doc, year_basis, source_path, sha256, encoding, byte_size, imported_at, body)"
            " VALUES ('x', 'none', 'x.txt', '0', 'UTF-8', 1, 'now', '园区新增外资企业')");
    db.exec("INSERT INTO passages (doc, seq, paragraph, span_start, span_end, text) VALUES ('x', 0, 0, 0, 8, '园区新增外资企业')");
  }
  auto db = open_database(path, OpenMode::Existing);
  EXPECT_EQ(db.execAndGet("SELECT words FROM passage_segments").getString(), "园区 新增 外资 企业");
  auto r = search_passages(db, "外资", {});
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].doc, "x");
}

}  // namespace
}  // namespace claimdb
