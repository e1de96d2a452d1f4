// Running a report: its rows as typed cells, each coerced to the column's
// declared type the way a report_* table stores it (an INTEGER value in a
// REAL column becomes a real, and so on).
#pragma once
#include <SQLiteCpp/Database.h>

#include <functional>
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

// Where a report's rows come from.
enum class Source {
  Query,   // queries/<name>.sql, run now
  Stored,  // the report_<name> table the last import stored (tables.h): the
           // same rows in the same order, read instead of recomputed
};

// Calls `on_row` with each row of report `r` in order. The cells are reused
// from row to row: they are valid only during the call. Source::Stored
// takes no parameters (the table holds the rows with all of them unset).
void for_each_row(SQLite::Database& db, const Report& r, const Params& params, Source from,
                  const std::function<void(const std::vector<Cell>&)>& on_row);

// Runs report `r` on `db` with `params` (checked first) and keeps its rows.
ResultSet run_report(SQLite::Database& db, const Report& r, const Params& params, Source from = Source::Query);

}  // namespace claimdb::report
