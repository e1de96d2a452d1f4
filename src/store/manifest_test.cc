// Manifest parsing: the accepted CSV dialect and the errors that stop an
// import before it starts.
#include <gtest/gtest.h>

#include "claimdb/store.h"

namespace claimdb {
namespace {

std::string error_of(const std::string& text) {
  try {
    Manifest::parse(text, "m.csv");
  } catch (const StoreError& e) {
    return e.what();
  }
  return "";
}

TEST(Manifest, ParsesBomCrlfQuotesAndOptionalColumns) {
  Manifest m = Manifest::parse(
      "\xEF\xBB\xBF" "file,year,district,title,url\r\n"
      "a.txt,2023,海曙区,\"标题, 带逗号 \"\"引号\"\"\",https://x/1\r\n"
      "\r\n"
      "sub/b.txt,,江北区,\"两行\n标题\",\r\n",
      "m.csv");
  ASSERT_EQ(m.entries().size(), 2u);
  const ManifestEntry* a = m.find("a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->year, 2023);
  EXPECT_EQ(a->district, "海曙区");
  EXPECT_EQ(a->title, "标题, 带逗号 \"引号\"");
  EXPECT_EQ(a->url, "https://x/1");
  EXPECT_EQ(a->line, 2u);
  const ManifestEntry* b = m.find("b");
  ASSERT_NE(b, nullptr);
  EXPECT_FALSE(b->year.has_value());
  EXPECT_EQ(b->title, "两行\n标题");
  EXPECT_EQ(b->line, 4u);
  EXPECT_EQ(m.find("c"), nullptr);
}

TEST(Manifest, ColumnsInAnyOrder) {
  Manifest m = Manifest::parse("title,district,year,file\nT,D,2020,x.txt\n", "m.csv");
  ASSERT_NE(m.find("x"), nullptr);
  EXPECT_EQ(m.find("x")->title, "T");
  EXPECT_EQ(m.find("x")->year, 2020);
}

TEST(Manifest, MissingColumnNamesFileAndLine) {
  std::string e = error_of("file,year,district\na.txt,2023,海曙区\n");
  EXPECT_NE(e.find("m.csv:1"), std::string::npos) << e;
  EXPECT_NE(e.find("'title'"), std::string::npos) << e;
}

TEST(Manifest, BadYearNamesLine) {
  std::string e = error_of("file,year,district,title\na.txt,2023,X,T\nb.txt,二〇二三,X,T\n");
  EXPECT_NE(e.find("m.csv:3"), std::string::npos) << e;
  EXPECT_NE(e.find("bad year"), std::string::npos) << e;
  EXPECT_NE(error_of("file,year,district,title\na.txt,23,X,T\n").find("m.csv:2"), std::string::npos);
  EXPECT_NE(error_of("file,year,district,title\na.txt,3023,X,T\n").find("bad year"), std::string::npos);
}

TEST(Manifest, DuplicateFileNamesBothLines) {
  std::string e = error_of("file,year,district,title\na.txt,2023,X,T\nb.txt,2023,X,T\na.txt,2022,X,T\n");
  EXPECT_NE(e.find("m.csv:4"), std::string::npos) << e;
  EXPECT_NE(e.find("line 2"), std::string::npos) << e;
}

TEST(Manifest, MalformedCsv) {
  EXPECT_NE(error_of("file,year,district,title\na.txt,2023,X\n").find("m.csv:2: 3 fields"), std::string::npos);
  EXPECT_NE(error_of("file,year,district,title\na.txt,2023,X,\"open\n").find("unterminated"), std::string::npos);
  EXPECT_NE(error_of("").find("empty manifest"), std::string::npos);
  EXPECT_NE(error_of("file,year,district,title\n\xff\xfe,2023,X,T\n").find("not UTF-8"), std::string::npos);
  EXPECT_NE(error_of("file,year,district,title\n,2023,X,T\n").find("m.csv:2: empty 'file'"), std::string::npos);
}

}  // namespace
}  // namespace claimdb
