#include "claimdb/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "util/tsv.h"
#include "util/utf.h"

namespace claimdb {
namespace {

const Gazetteer& gz() { return Gazetteer::instance(); }

std::set<std::string> codes(std::span<const Place* const> ps) {
  std::set<std::string> out;
  for (const Place* p : ps) out.insert(p->code);
  return out;
}

TEST(Gazetteer, LoadsTheWholeCountry) {
  EXPECT_GT(gz().size(), 40000u);
  EXPECT_EQ(&Gazetteer::instance(), &gz());  // one instance
}

TEST(Gazetteer, LookupFullAndShortNames) {
  struct Case {
    const char* name;
    std::set<std::string> codes;
  } cases[] = {
      {"海曙", {"330203"}},
      {"海曙区", {"330203"}},
      {"江北区", {"330205", "500105"}},
      {"江北", {"330205", "500105"}},
      {"宁波", {"330200"}},
      {"宁波市", {"330200"}},
      {"浙江", {"330000"}},
      {"浙江省", {"330000"}},
      {"洞桥镇", {"330111101", "330203104"}},
      {"北京", {"110000"}},
      {"峰峰", {"130406"}},  // 峰峰矿区 drops 矿区, not just 区
      {"井陉", {"130121"}},  // 井陉县's, not also 井陉矿区's
      {"不存在的地方", {}},
      {"", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(codes(gz().lookup(c.name)), c.codes) << c.name;
}

TEST(Gazetteer, ShortNamesLeaveOutZonesAndTowns) {
  // a development zone has no short form, a 新区 yields to the city it is named after
  EXPECT_EQ(gz().by_code("130171")->short_name, "");
  EXPECT_EQ(codes(gz().lookup("镇江")), std::set<std::string>{"321100"});
  EXPECT_EQ(gz().by_code("330203104")->short_name, "");
  EXPECT_TRUE(gz().lookup("洞桥").empty());
}

TEST(Gazetteer, ByCodeAndHierarchy) {
  const Place* town = gz().by_code("330203104");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->name, "洞桥镇");
  EXPECT_EQ(town->level, "town");
  const Place* county = gz().parent(*town);
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->code, "330203");
  EXPECT_EQ(gz().city_of(*town)->code, "330200");
  EXPECT_EQ(gz().province_of(*town)->code, "330000");
  EXPECT_EQ(gz().parent(*gz().by_code("330000")), nullptr);
  EXPECT_EQ(gz().city_of(*gz().by_code("330000")), nullptr);
  EXPECT_EQ(gz().by_code("0330203"), nullptr);
  EXPECT_EQ(gz().by_code("x"), nullptr);
  Place copy = *county;  // works on copies too, by code
  EXPECT_EQ(gz().parent(copy)->code, "330200");
}

TEST(Gazetteer, Municipalities) {
  const Place* chaoyang = gz().by_code("110105");
  ASSERT_NE(chaoyang, nullptr);
  EXPECT_EQ(chaoyang->city, "北京市");
  EXPECT_EQ(chaoyang->parent_code, "110000");
  EXPECT_EQ(gz().city_of(*chaoyang)->code, "110000");
  EXPECT_EQ(gz().province_of(*chaoyang)->code, "110000");
  EXPECT_EQ(gz().by_code("110000")->level, "province");
  // a county-level city directly under a province lies in no city
  const Place* xiantao = gz().by_code("429004");
  ASSERT_NE(xiantao, nullptr);
  EXPECT_EQ(xiantao->city, "");
  EXPECT_EQ(gz().city_of(*xiantao), nullptr);
  EXPECT_EQ(gz().parent(*xiantao)->code, "420000");
}

TEST(Gazetteer, EveryDivisionBelowProvinceHasItsParent) {
  // walk the whole table through by_code, starting from the provinces' children
  static const char* kLevels[] = {"province", "city", "county", "town"};
  size_t counties = 0, towns = 0;
  for (const auto& row : load_tsv_resource("districts.tsv").rows) {
    const Place* p = gz().by_code(row[0]);
    ASSERT_NE(p, nullptr) << row[0];
    EXPECT_TRUE(std::find(std::begin(kLevels), std::end(kLevels), p->level) != std::end(kLevels)) << p->code;
    if (p->level == "province") continue;
    const Place* up = gz().parent(*p);
    ASSERT_NE(up, nullptr) << p->code << " " << p->name;
    EXPECT_EQ(up->code, p->parent_code);
    EXPECT_EQ(gz().province_of(*p)->name, p->province) << p->code;
    counties += p->level == "county";
    towns += p->level == "town";
  }
  EXPECT_GT(counties, 2800u);
  EXPECT_GT(towns, 40000u);
}

TEST(Gazetteer, ResolvePrefersTheNearestCandidate) {
  const Place* haishu = gz().by_code("330203");
  const Place* yuzhong = gz().by_code("500103");  // 重庆市渝中区
  const Place* ningbo = gz().by_code("330200");
  const Place* jilin_province = gz().by_code("220000");
  struct Case {
    const char* name;
    const Place* context;
    const char* want;  // nullptr: unresolved
  } cases[] = {
      {"洞桥镇", haishu, "330203104"},  // descendant of the context
      {"洞桥镇", ningbo, "330203104"},
      {"江北区", haishu, "330205"},  // same city
      {"江北", haishu, "330205"},
      {"江北区", yuzhong, "500105"},
      {"江北", nullptr, nullptr},  // ambiguous without context
      {"洞桥镇", nullptr, nullptr},
      {"海曙", nullptr, "330203"},  // unique
      {"宁波", yuzhong, "330200"},
      {"吉林", jilin_province, "220000"},  // the province outranks its city 吉林市
      {"江北", gz().by_code("440000"), nullptr},  // neither candidate is in 广东
      {"不存在", haishu, nullptr},
  };
  for (const auto& c : cases) {
    const Place* got = gz().resolve(c.name, c.context);
    if (!c.want) {
      EXPECT_EQ(got, nullptr) << c.name << " got " << got->code;
    } else {
      ASSERT_NE(got, nullptr) << c.name;
      EXPECT_EQ(got->code, c.want) << c.name;
    }
  }
}

struct Found {
  size_t start, end;
  std::string text;
  bool operator==(const Found&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "[" << f.start << "," << f.end << ")" << f.text;
}
std::vector<Found> mentions(const std::string& s) {
  std::u32string u = utf8_to_u32(s);
  std::vector<Found> out;
  for (const auto& m : gz().find_mentions(u)) {
    EXPECT_FALSE(m.candidates.empty());
    out.push_back({m.start, m.end, u32_to_utf8(u.substr(m.start, m.end - m.start))});
  }
  return out;
}

TEST(Gazetteer, FindMentions) {
  struct Case {
    const char* text;
    std::vector<Found> want;
  } cases[] = {
      // longest match, left to right, not overlapping
      {"去年宁波市海曙区的产值上升", {{2, 5, "宁波市"}, {5, 8, "海曙区"}}},
      // offsets are code points: the astral 𠀀 counts once
      {"𠀀𠀀海曙与江北", {{2, 4, "海曙"}, {5, 7, "江北"}}},
      {"浙江省和重庆市", {{0, 3, "浙江省"}, {4, 7, "重庆市"}}},
      {"他在洞桥镇工作", {{2, 5, "洞桥镇"}}},
      // stopwords: common words that are also place names
      {"优化资源配置，深化合作，扩大中心城区", {}},
      // a short name that runs on into a longer known name is not cut out of it:
      // 北京路 starts like the town 北京路街道
      {"走在北京路上", {}},
      {"北京的路", {{0, 2, "北京"}}},
      // a town that is one character and 城镇/村镇/乡镇 does not take the end of
      // the word before (确保 + 城镇, 高于 + 城镇); after a place, an opener or a
      // non-Han character it is the town
      {"确保城镇新增就业，增速高于城镇居民", {}},
      {"鄞州区五乡镇", {{0, 3, "鄞州区"}, {3, 6, "五乡镇"}}},
      {"位于五乡镇的企业", {{2, 5, "五乡镇"}}},
      {"，五乡镇新建厂房", {{1, 4, "五乡镇"}}},
      {"", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(mentions(c.text), c.want) << c.text;
}

TEST(Gazetteer, MentionCandidatesAreEveryBearer) {
  auto ms = gz().find_mentions(U"江北区和海曙");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(codes(ms[0].candidates), (std::set<std::string>{"330205", "500105"}));
  EXPECT_EQ(codes(ms[1].candidates), std::set<std::string>{"330203"});
}

TEST(Gazetteer, EveryStopwordIsAKnownName) {
  // a stopword that names no place is a typo and would silently do nothing
  auto t = load_tsv_resource("place_stopwords.tsv");
  size_t col = t.col("name");
  ASSERT_FALSE(t.rows.empty());
  for (const auto& row : t.rows) EXPECT_FALSE(gz().lookup(row[col]).empty()) << row[col];
}

}  // namespace
}  // namespace claimdb
