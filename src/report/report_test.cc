// The report module: header parsing, the embedded catalog against the
// real schema, parameters, number and width formatting, the output formats
// and the typed report_* tables.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <sstream>

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

// ---- the reports on a few hand-made claims

// A document of `year` (manifest), and claims in it: value in base units
// (NaN for a bare rate), growth (NaN for none).
struct Fixture {
  TempDir dir;
  SQLite::Database db = open_database((dir / "c.db").string(), OpenMode::Create);
  int next_span = 0;

  void document(const std::string& doc, int year) {
    SQLite::Statement st(db,
                         "INSERT INTO documents(doc, title, year, year_basis, district, source_path, sha256, encoding, "
                         "byte_size, imported_at, body) VALUES (?, ?, ?, 'manifest', '海曙区', ?, '', 'UTF-8', 0, '', '')");
    st.bind(1, doc);
    st.bind(2, "title " + doc);
    st.bind(3, year);
    st.bind(4, doc + ".txt");
    st.exec();
  }
  void claim(const std::string& doc, const std::string& indicator, int year, double value, double growth,
             const std::string& modality = "actual", const char* period = nullptr, const char* unit = "CNY") {
    SQLite::Statement st(db,
                         "INSERT INTO claims(doc, span_start, span_end, quote, value, unit, growth_pct, year, period, "
                         "district, indicator, indicator_code, modality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '海曙区', ?, ?, ?)");
    int at = next_span;
    next_span += 10;
    st.bind(1, doc);
    st.bind(2, at);
    st.bind(3, at + 5);
    st.bind(4, "q" + std::to_string(at));
    if (value == value) st.bind(5, value);
    if (value == value && unit) st.bind(6, unit);
    if (growth == growth) st.bind(7, growth);
    st.bind(8, year);
    if (period) st.bind(9, period);
    st.bind(10, indicator);
    st.bind(11, indicator);
    st.bind(12, modality);
    st.exec();
  }
  ResultSet run(const std::string& name, const Params& params = {}) { return run_report(db, find_report(name), params); }
};

const double kNone = std::numeric_limits<double>::quiet_NaN();

// The cell of `rs` whose column `col` is `name`, as text ("" for NULL).
std::string cell(const ResultSet& rs, size_t row, const std::string& name) {
  for (size_t i = 0; i < rs.columns.size(); ++i)
    if (rs.columns[i].name == name) {
      const Cell& c = rs.rows.at(row)[i];
      if (std::holds_alternative<std::monostate>(c)) return "";
      if (const auto* s = std::get_if<std::string>(&c)) return *s;
      if (const auto* n = std::get_if<long long>(&c)) return std::to_string(*n);
      return plain_number(std::get<double>(c));
    }
  ADD_FAILURE() << "no column " << name;
  return "";
}

TEST(Report, ReadsOnlyIndexes) {
  // Every report reads the claims and documents tables only through
  // covering indexes (schema/004_report_indexes.sql): no statement opens
  // either table's own b-tree, which holds whole rows and document bodies.
  TempDir dir;
  auto db = open_database((dir / "c.db").string(), OpenMode::Create);
  std::set<long long> tables;
  SQLite::Statement roots(db, "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name IN ('claims', 'documents')");
  while (roots.executeStep()) tables.insert(roots.getColumn(0).getInt64());
  ASSERT_EQ(tables.size(), 2u);
  for (const auto& r : catalog()) {
    SCOPED_TRACE(r.name);
    SQLite::Statement plan(db, "EXPLAIN " + r.sql);
    int opens = 0;
    while (plan.executeStep()) {
      if (plan.getColumn(1).getString() != "OpenRead") continue;
      ++opens;
      EXPECT_EQ(tables.count(plan.getColumn(3).getInt64()), 0u) << "opens a table's own b-tree at " << plan.getColumn(0).getInt();
    }
    EXPECT_GT(opens, 0);
  }
}

TEST(Report, ConflictsAreFiguresThatDocumentsStateDifferently) {
  Fixture f;
  for (const char* d : {"d1", "d2", "d3"}) f.document(d, 2023);
  f.claim("d1", "gdp", 2019, 100e8, 6.1);  // two documents, two values: disputed
  f.claim("d2", "gdp", 2019, 110e8, 6.3);
  f.claim("d1", "gdp", 2020, 100e8, kNone);  // d1 states the total and a part, d2 the total: not disputed
  f.claim("d1", "gdp", 2020, 40e8, kNone);
  f.claim("d2", "gdp", 2020, 100e8, kNone);
  f.claim("d1", "gdp", 2021, 100e8, 5);  // one value, two growth rates: disputed
  f.claim("d2", "gdp", 2021, 100e8, 6);
  f.claim("d1", "gdp", 2022, 50e8, kNone, "actual", "1-6月");  // another period: not the same figure
  f.claim("d2", "gdp", 2022, 100e8, kNone);
  f.claim("d1", "gdp", 2023, 90e8, kNone, "target");  // a target and an actual: not the same figure
  f.claim("d2", "gdp", 2023, 100e8, kNone);
  f.claim("d3", "gdp", 2024, 1e8, kNone);  // one document, two values: not disputed
  f.claim("d3", "gdp", 2024, 2e8, kNone);
  f.claim("d1", "gdp", 2025, 1e8, kNone, "target");  // d1 states 1 and 3, d2 states 2: disputed
  f.claim("d1", "gdp", 2025, 3e8, kNone, "target");
  f.claim("d2", "gdp", 2025, 2e8, kNone, "target");
  ResultSet rs = f.run("conflicts");
  ASSERT_EQ(rs.rows.size(), 3u);
  EXPECT_EQ(cell(rs, 0, "year"), "2019");
  EXPECT_EQ(cell(rs, 0, "values_stated"), "[10000000000.0,11000000000.0]");
  EXPECT_EQ(cell(rs, 0, "growth_pcts_stated"), "[6.1,6.3]");
  EXPECT_EQ(cell(rs, 0, "documents"), "2");
  EXPECT_EQ(cell(rs, 0, "doc_a"), "d1");
  EXPECT_EQ(cell(rs, 0, "doc_b"), "d2");
  EXPECT_EQ(cell(rs, 0, "value_b"), "11000000000");
  EXPECT_EQ(cell(rs, 0, "title_b"), "title d2");
  EXPECT_EQ(cell(rs, 0, "difference_pct"), "10");
  EXPECT_EQ(cell(rs, 1, "year"), "2021");
  EXPECT_EQ(cell(rs, 1, "growth_pct_a"), "5");
  EXPECT_EQ(cell(rs, 1, "growth_pct_b"), "6");
  EXPECT_EQ(cell(rs, 1, "difference_pct"), "0");
  EXPECT_EQ(cell(rs, 2, "year"), "2025");
  EXPECT_EQ(cell(rs, 2, "modality"), "target");
  EXPECT_EQ(cell(rs, 2, "claims"), "3");
  EXPECT_EQ(cell(rs, 2, "value_a"), "100000000");
  EXPECT_EQ(cell(rs, 2, "doc_a"), "d1");
  EXPECT_EQ(cell(rs, 2, "value_b"), "200000000");  // the highest in a document other than a's
  EXPECT_EQ(cell(rs, 2, "doc_b"), "d2");
  EXPECT_EQ(f.run("conflicts", {{"year", "2021"}}).rows.size(), 1u);
  EXPECT_EQ(f.run("conflicts", {{"district", "江北区"}}).rows.size(), 0u);
}

TEST(Report, TheChosenClaim) {
  Fixture f;
  f.document("old", 2021);
  f.document("mid", 2022);
  f.document("new", 2023);
  // indicator_matrix: actual first, then the value most documents state,
  // then the latest document.
  f.claim("new", "gdp", 2022, 860e8, kNone);
  f.claim("mid", "gdp", 2022, 870e8, 4.9);
  f.claim("old", "gdp", 2022, 870e8, 5.0);
  f.claim("new", "gdp", 2022, 900e8, kNone, "target");
  // within one document: the actual, then the first in the text
  f.claim("new", "gdp", 2025, 1000e8, kNone, "target");
  f.claim("new", "gdp", 2025, 950e8, kNone);
  f.claim("new", "gdp", 2025, 960e8, kNone);
  ResultSet m = f.run("indicator_matrix");
  ASSERT_EQ(m.rows.size(), 2u);
  EXPECT_EQ(cell(m, 0, "value"), "87000000000");
  EXPECT_EQ(cell(m, 0, "doc"), "mid");
  EXPECT_EQ(cell(m, 0, "growth_pct"), "4.9");
  EXPECT_EQ(cell(m, 0, "documents"), "3");
  EXPECT_EQ(cell(m, 0, "claims"), "4");
  EXPECT_EQ(cell(m, 0, "values_stated"), "[86000000000.0,87000000000.0,90000000000.0]");
  EXPECT_EQ(cell(m, 1, "value"), "95000000000");
  EXPECT_EQ(cell(m, 1, "modality"), "actual");
  EXPECT_EQ(cell(m, 1, "documents"), "1");
  // gdp (claims_ranked): actual first, then a value before a bare rate,
  // then the latest document; support does not count.
  ResultSet g = f.run("gdp");
  ASSERT_EQ(g.rows.size(), 2u);
  EXPECT_EQ(cell(g, 0, "gdp"), "86000000000");
  EXPECT_EQ(cell(g, 0, "doc"), "new");
  EXPECT_EQ(cell(g, 0, "documents"), "3");
  // fiscal (claims_ranked): actual first, then the latest document.
  f.claim("old", "tax_refund", 2022, 12e8, kNone);
  f.claim("new", "tax_refund", 2022, 10e8, kNone);
  f.claim("mid", "tax_refund", 2022, 15e8, kNone, "target");
  ResultSet fi = f.run("fiscal");
  ASSERT_EQ(fi.rows.size(), 1u);
  EXPECT_EQ(cell(fi, 0, "value"), "1000000000");
  EXPECT_EQ(cell(fi, 0, "doc"), "new");
  EXPECT_EQ(cell(fi, 0, "values_stated"), "[1000000000.0,1200000000.0,1500000000.0]");
  EXPECT_EQ(cell(fi, 0, "documents"), "3");
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

// The stored tables give every report's rows exactly as the query does, in
// the same order, and say when they are no longer current.
TEST(Report, StoredRowsAreTheQueryRows) {
  Fixture f;
  f.document("old", 2021);
  f.document("new", 2023);
  f.claim("old", "gdp", 2020, 11e10, 5.5);
  f.claim("new", "gdp", 2020, 12e10, 6.1);
  f.claim("new", "gdp", 2022, 13e10, kNone, "target");
  f.claim("old", "tax_refund", 2021, 12e8, kNone);
  f.claim("new", "fixed_asset_investment", 2022, kNone, 8.2);
  EXPECT_FALSE(reports_current(f.db));
  refresh_reports(f.db);
  EXPECT_TRUE(reports_current(f.db));
  size_t nonempty = 0;
  for (const auto& r : catalog()) {
    SCOPED_TRACE(r.name);
    ResultSet live = run_report(f.db, r, {}, Source::Query);
    ResultSet stored = run_report(f.db, r, {}, Source::Stored);
    EXPECT_EQ(format_csv(stored), format_csv(live));
    EXPECT_EQ(format_json(stored), format_json(live));
    nonempty += !live.rows.empty();
    EXPECT_THROW(run_report(f.db, r, {{"year", "2020"}}, Source::Stored), ReportError);
  }
  EXPECT_GE(nonempty, 3u);  // the comparison saw real rows
  mark_reports_stale(f.db);
  EXPECT_FALSE(reports_current(f.db));
}

// Streaming a report row by row writes what the whole-result formats write.
TEST(Report, RowWriterStreamsTheSameText) {
  ResultSet rs = sample();
  for (Format f : {Format::Csv, Format::Json, Format::Markdown}) {
    std::ostringstream out;
    RowWriter w(out, rs.columns, f);
    for (const auto& row : rs.rows) w.row(row);
    w.finish();
    EXPECT_EQ(out.str(), format_result(rs, f));
  }
  ResultSet none{rs.columns, {}};
  std::ostringstream out;
  RowWriter w(out, none.columns, Format::Json);
  w.finish();
  EXPECT_EQ(out.str(), "[]\n");
  EXPECT_THROW(RowWriter(out, rs.columns, Format::Table), ReportError);
}

}  // namespace
}  // namespace claimdb::report
