// The report catalog: canned reports are the embedded queries/*.sql files.
// Each file is one SELECT statement after a header of `--` comment lines:
//   -- title: GDP by district and year
//   -- description: one line
//   -- params: :district :year            (any of :district :year :indicator)
//   -- columns: district TEXT, year INTEGER, gdp REAL amount, ...
// `columns` declares every result column in order with its SQLite type
// (TEXT, INTEGER or REAL; report tables are created with these types) and
// optionally `amount`: a money or quantity column that the table printer
// shows readably (1170.1亿) beside its full value.
#pragma once
#include <SQLiteCpp/Database.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace claimdb::report {

class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class ColumnType { Text, Integer, Real };

struct Column {
  std::string name;
  ColumnType type = ColumnType::Text;
  bool amount = false;
};

struct Report {
  std::string name;  // file name without .sql: "gdp"
  std::string title, description;
  std::vector<std::string> params;  // without the colon: "district", "year"
  std::vector<Column> columns;
  std::string sql;  // the whole file, header included
};

// The parameters a report may declare.
inline const std::vector<std::string>& known_params() {
  static const std::vector<std::string> names = {"district", "year", "indicator"};
  return names;
}

std::string_view type_name(ColumnType t);  // "TEXT", "INTEGER", "REAL"

// Parses one report file; `name` is its file name without ".sql". Throws
// ReportError naming the file for a missing title/description/columns line,
// an unknown type or parameter, or a parameter used but not declared.
Report parse_report(std::string_view name, std::string_view text);

// Every embedded report, sorted by name.
const std::vector<Report>& catalog();

// The report called `name`; ReportError listing the names when unknown.
const Report& find_report(std::string_view name);

// Checks that the statement's result columns are exactly the declared ones
// (names and count), preparing it on `db`; ReportError naming the report.
void check_columns(SQLite::Database& db, const Report& r);

}  // namespace claimdb::report
