// The report module: header parsing, the embedded catalog against the
// real schema, parameters, number and width formatting, the output formats
// and the typed report_* tables.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "claimdb/store.h"
#include "report/catalog.h"
#include "report/format.h"
#include "report/numbers.h"
#include "report/params.h"
#include "report/result.h"
#include "report/tables.h"
#include "report/width.h"
#include "store/testing.h"

namespace claimdb::report {
namespace {

using claimdb::testing::TempDir;

const char* kGood =
    "-- title: T\n-- description: D\n-- params: :district :year\n"
    "-- columns: district TEXT, year INTEGER, value REAL amount\n"
    "SELECT :district AS district, CAST(:year AS INTEGER) AS year, 1.5 AS value\n";

std::string parse_error(const std::string& text) {
  try {
    parse_report("x", text);
  } catch (const ReportError& e) {
    return e.what();
  }
  return "";
}

TEST(Report, ParsesHeader) {
  Report r = parse_report("t", kGood);
  EXPECT_EQ(r.title, "T");
  EXPECT_EQ(r.description, "D");
  EXPECT_EQ(r.params, (std::vector<std::string>{"district", "year"}));
  ASSERT_EQ(r.columns.size(), 3u);
  EXPECT_EQ(r.columns[1].type, ColumnType::Integer);
  EXPECT_TRUE(r.columns[2].amount);
  EXPECT_FALSE(r.columns[0].amount);
}

TEST(Report, RejectsBadHeaders) {
  EXPECT_NE(parse_error("-- description: D\n-- params:\n-- columns: a TEXT\nSELECT 1 AS a").find("title"), std::string::npos);
  EXPECT_NE(parse_error("-- title: T\n-- description: D\n-- params:\n-- columns: a BLOB\nSELECT 1 AS a").find("BLOB"),
            std::string::npos);
  EXPECT_NE(parse_error("-- title: T\n-- description: D\n-- params: :city\n-- columns: a TEXT\nSELECT 1 AS a").find(":city"),
            std::string::npos);
  // A parameter used but not declared could never be bound.
  EXPECT_NE(parse_error("-- title: T\n-- description: D\n-- params:\n-- columns: a TEXT\nSELECT :year AS a").find(":year"),
            std::string::npos);
}

TEST(Report, EveryEmbeddedReportMatchesTheSchema) {
  TempDir dir;
  auto db = open_database((dir / "c.db").string(), OpenMode::Create);
  ASSERT_GE(catalog().size(), 10u);
  for (const auto& r : catalog()) {
    SCOPED_TRACE(r.name);
    EXPECT_NO_THROW(check_columns(db, r));
    EXPECT_FALSE(r.title.empty());
    EXPECT_EQ(r.description.find('\n'), std::string::npos);
  }
  EXPECT_NO_THROW(find_report("gdp"));
  try {
    find_report("nope");
    FAIL();
  } catch (const ReportError& e) {
    EXPECT_NE(std::string(e.what()).find("gdp"), std::string::npos) << e.what();
  }
}

TEST(Report, Params) {
  Report r = parse_report("t", kGood);
  Params p = parse_params({"district=海曙区", ":year=2019"});
  EXPECT_EQ(p.at("district"), "海曙区");
  EXPECT_EQ(p.at("year"), "2019");
  EXPECT_NO_THROW(check_params(r, p));
  EXPECT_THROW(parse_params({"district"}), ReportError);
  EXPECT_THROW(parse_params({"year=1", "year=2"}), ReportError);
  try {
    check_params(r, parse_params({"indicator=gdp", "city=x"}));
    FAIL();
  } catch (const ReportError& e) {
    EXPECT_NE(std::string(e.what()).find("city, indicator"), std::string::npos) << e.what();
  }
  EXPECT_THROW(check_params(r, parse_params({"year=twenty"})), ReportError);

  SQLite::Database db(":memory:");
  ResultSet rs = run_report(db, r, p);
  ASSERT_EQ(rs.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(rs.rows[0][0]), "海曙区");
  EXPECT_EQ(std::get<long long>(rs.rows[0][1]), 2019);
  rs = run_report(db, r, {});
  EXPECT_TRUE(std::holds_alternative<std::monostate>(rs.rows[0][0]));  // unset parameters are NULL
}

TEST(Report, Numbers) {
  EXPECT_EQ(plain_number(117010000000.0), "117010000000");
  EXPECT_EQ(plain_number(6.1), "6.1");
  EXPECT_EQ(plain_number(1e22), "10000000000000000000000");
  EXPECT_EQ(real_literal(117010000000.0), "117010000000.0");
  EXPECT_EQ(real_literal(0.25), "0.25");
  EXPECT_EQ(full_amount(117010000000.0), "117,010,000,000");
  EXPECT_EQ(full_amount(-1234.5), "-1,234.5");
  EXPECT_EQ(readable_amount(117010000000.0), "1170.1亿");
  EXPECT_EQ(readable_amount(86030000000.0), "860.3亿");
  EXPECT_EQ(readable_amount(123000.0), "12.3万");
  EXPECT_EQ(readable_amount(99999999.0), "1亿");
  EXPECT_EQ(readable_amount(57.0), "57");
  EXPECT_EQ(readable_amount(2.0), "2");
}

TEST(Report, DisplayWidth) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("海曙区"), 6u);
  EXPECT_EQ(display_width("１２"), 4u);      // fullwidth digits
  EXPECT_EQ(display_width("ｶﾀ"), 2u);        // halfwidth katakana
  EXPECT_EQ(display_width("e\u0301"), 1u);   // combining accent
  EXPECT_EQ(pad_to("海曙", 6, false), "海曙  ");
  EXPECT_EQ(pad_to("7", 3, true), "  7");
}

ResultSet sample() {
  ResultSet rs;
  rs.columns = {{"district", ColumnType::Text, false}, {"year", ColumnType::Integer, false},
                {"gdp", ColumnType::Real, true}, {"quote", ColumnType::Text, false}};
  rs.rows.push_back({std::string("海曙区"), 2019LL, 117010000000.0, std::string("a,\"b\"\nc")});
  rs.rows.push_back({std::string("江北区"), 2022LL, std::monostate{}, std::string("x|y")});
  return rs;
}

TEST(Report, Formats) {
  ResultSet rs = sample();
  EXPECT_EQ(format_csv(rs),
            "district,year,gdp,quote\r\n"
            "海曙区,2019,117010000000.0,\"a,\"\"b\"\"\nc\"\r\n"
            "江北区,2022,,x|y\r\n");
  EXPECT_EQ(format_json(rs),
            "[\n  {\"district\": \"海曙区\", \"year\": 2019, \"gdp\": 117010000000.0, \"quote\": \"a,\\\"b\\\"\\nc\"},\n"
            "  {\"district\": \"江北区\", \"year\": 2022, \"gdp\": null, \"quote\": \"x|y\"}\n]\n");
  std::string md = format_markdown(rs);
  EXPECT_NE(md.find("| 海曙区 | 2019 | 1170.1亿 | 117,010,000,000 | a,\"b\" c |"), std::string::npos) << md;
  EXPECT_NE(md.find("x\\|y"), std::string::npos) << md;
  std::string table = format_table(rs);
  EXPECT_EQ(table,
            "district  year       gdp         gdp_full  quote\n"
            "--------  ----  --------  ---------------  -------\n"
            "海曙区    2019  1170.1亿  117,010,000,000  a,\"b\" c\n"
            "江北区    2022                             x|y\n"
            "(2 rows)\n");
  EXPECT_THROW(parse_format("xml"), ReportError);
}

TEST(Report, RefreshCreatesTypedTables) {
  TempDir dir;
  auto db = open_database((dir / "c.db").string(), OpenMode::Create);
  db.exec("CREATE TABLE report_gone (x TEXT)");  // a report that no longer exists
  refresh_reports(db);
  refresh_reports(db);  // drop and recreate: running twice is fine
  EXPECT_FALSE(db.tableExists("report_gone"));
  for (const auto& r : catalog()) {
    SCOPED_TRACE(r.name);
    ASSERT_TRUE(db.tableExists(table_name(r)));
    SQLite::Statement info(db, "SELECT name, type FROM pragma_table_info('" + table_name(r) + "') ORDER BY cid");
    for (const auto& c : r.columns) {
      ASSERT_TRUE(info.executeStep());
      EXPECT_EQ(info.getColumn(0).getString(), c.name);
      EXPECT_EQ(info.getColumn(1).getString(), type_name(c.type));
    }
    EXPECT_FALSE(info.executeStep());
  }
  EXPECT_EQ(create_table_sql(parse_report("t", kGood)),
            "CREATE TABLE \"report_t\" (\"district\" TEXT, \"year\" INTEGER, \"value\" REAL)");
}

}  // namespace
}  // namespace claimdb::report
