#include "report/result.h"

#include <SQLiteCpp/Statement.h>

namespace claimdb::report {

namespace {

Cell read_cell(const SQLite::Column& v, ColumnType type) {
  if (v.isNull()) return std::monostate{};
  switch (type) {
    case ColumnType::Integer:
      if (v.isInteger()) return static_cast<long long>(v.getInt64());
      if (v.isFloat() && v.getDouble() == static_cast<double>(static_cast<long long>(v.getDouble())))
        return static_cast<long long>(v.getDouble());
      break;
    case ColumnType::Real:
      if (v.isInteger() || v.isFloat()) return v.getDouble();
      break;
    case ColumnType::Text:
      return v.getString();
  }
  // A value the declared type cannot hold exactly stays as it is (as SQLite's type affinity would keep it).
  if (v.isInteger()) return static_cast<long long>(v.getInt64());
  if (v.isFloat()) return v.getDouble();
  return v.getString();
}

}  // namespace

ResultSet run_report(SQLite::Database& db, const Report& r, const Params& params) {
  check_params(r, params);
  check_columns(db, r);
  SQLite::Statement st(db, r.sql);
  bind_params(st, r, params);
  ResultSet out;
  out.columns = r.columns;
  while (st.executeStep()) {
    std::vector<Cell> row;
    row.reserve(r.columns.size());
    for (size_t i = 0; i < r.columns.size(); ++i) row.push_back(read_cell(st.getColumn(int(i)), r.columns[i].type));
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace claimdb::report
