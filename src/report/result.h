// Running a report: its rows as typed cells, each coerced to the column's
// declared type the way a report_* table stores it (an INTEGER value in a
// REAL column becomes a real, and so on).
#pragma once
#include <SQLiteCpp/Database.h>

#include <string>
#include <variant>
#include <vector>

#include "report/catalog.h"
#include "report/params.h"

namespace claimdb::report {

// NULL, INTEGER, REAL or TEXT.
using Cell = std::variant<std::monostate, long long, double, std::string>;

struct ResultSet {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

// Runs report `r` on `db` with `params` (checked first).
ResultSet run_report(SQLite::Database& db, const Report& r, const Params& params);

}  // namespace claimdb::report
