#include "report/result.h"

#include <sqlite3.h>

#include <charconv>
#include <memory>

#include "report/tables.h"

namespace claimdb::report {

namespace {

// The statement is stepped through SQLite's C API: a report can have a
// hundred thousand rows of a dozen cells, and SQLiteCpp's Column objects
// share ownership of the statement (a reference count per cell).
struct Finalize {
  void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, Finalize>;

[[noreturn]] void fail(sqlite3* db, const Report& r, const char* what) {
  throw ReportError("report " + r.name + ": " + what + ": " + sqlite3_errmsg(db));
}

bool parse_int(const std::string& s, long long& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// As bind_params (params.h), on the raw statement.
void bind(sqlite3* db, sqlite3_stmt* st, const Report& r, const Params& params) {
  for (const auto& name : r.params) {
    std::string key = ":" + name;
    int at = sqlite3_bind_parameter_index(st, key.c_str());
    if (at == 0) continue;  // declared but not used by this statement
    auto it = params.find(name);
    long long n;
    int rc;
    if (it == params.end()) rc = sqlite3_bind_null(st, at);
    else if (name == "year" && parse_int(it->second, n)) rc = sqlite3_bind_int64(st, at, n);
    else rc = sqlite3_bind_text(st, at, it->second.data(), int(it->second.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db, r, "binding parameters");
  }
}

// Text goes into the cell's own string when it already holds one, so a
// row read into the same cells again allocates nothing.
void text_cell(Cell& cell, sqlite3_stmt* st, int i) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
  const size_t n = size_t(sqlite3_column_bytes(st, i));
  if (auto* s = std::get_if<std::string>(&cell)) s->assign(p ? p : "", n);
  else cell.emplace<std::string>(p ? p : "", n);
}

void read_cell(Cell& cell, sqlite3_stmt* st, int i, ColumnType type) {
  const int t = sqlite3_column_type(st, i);
  if (t == SQLITE_NULL) {
    cell = std::monostate{};
    return;
  }
  switch (type) {
    case ColumnType::Integer:
      if (t == SQLITE_INTEGER) {
        cell = static_cast<long long>(sqlite3_column_int64(st, i));
        return;
      }
      if (t == SQLITE_FLOAT) {
        double d = sqlite3_column_double(st, i);
        if (d == static_cast<double>(static_cast<long long>(d))) {
          cell = static_cast<long long>(d);
          return;
        }
      }
      break;
    case ColumnType::Real:
      if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
        cell = sqlite3_column_double(st, i);
        return;
      }
      break;
    case ColumnType::Text:
      text_cell(cell, st, i);
      return;
  }
  // A value the declared type cannot hold exactly stays as it is (as SQLite's type affinity would keep it).
  if (t == SQLITE_INTEGER) cell = static_cast<long long>(sqlite3_column_int64(st, i));
  else if (t == SQLITE_FLOAT) cell = sqlite3_column_double(st, i);
  else text_cell(cell, st, i);
}

}  // namespace

void for_each_row(SQLite::Database& db, const Report& r, const Params& params, Source from,
                  const std::function<void(const std::vector<Cell>&)>& on_row) {
  check_params(r, params);
  if (from == Source::Stored && !params.empty())
    throw ReportError("report " + r.name + ": the stored table holds the rows without parameters");
  sqlite3* h = db.getHandle();
  // The stored table's rows were inserted in the query's order: rowid order is that order.
  const std::string sql = from == Source::Stored ? "SELECT * FROM \"" + table_name(r) + "\" ORDER BY rowid" : r.sql;
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), int(sql.size()), &raw, nullptr) != SQLITE_OK) {
    sqlite3_finalize(raw);
    fail(h, r, from == Source::Stored ? "reading its stored table" : "preparing its statement");
  }
  StatementPtr st(raw);
  if (!st) throw ReportError("queries/" + r.name + ".sql: no statement");
  // The statement's result columns must be exactly the declared ones (as check_columns).
  const int n = sqlite3_column_count(st.get());
  std::string declared, actual;
  for (const auto& c : r.columns) declared += (declared.empty() ? "" : ", ") + c.name;
  for (int i = 0; i < n; ++i) actual += (actual.empty() ? "" : ", ") + std::string(sqlite3_column_name(st.get(), i));
  if (declared != actual)
    throw ReportError((from == Source::Stored ? table_name(r) : "queries/" + r.name + ".sql: '-- columns:'") +
                      " declares (" + declared + ") but the statement returns (" + actual + ")");
  if (from == Source::Query) bind(h, st.get(), r, params);

  std::vector<Cell> row(static_cast<size_t>(n));
  int rc;
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    for (int i = 0; i < n; ++i) read_cell(row[size_t(i)], st.get(), i, r.columns[size_t(i)].type);
    on_row(row);
  }
  if (rc != SQLITE_DONE) fail(h, r, "running");
}

ResultSet run_report(SQLite::Database& db, const Report& r, const Params& params, Source from) {
  ResultSet out;
  out.columns = r.columns;
  for_each_row(db, r, params, from, [&](const std::vector<Cell>& row) { out.rows.push_back(row); });
  return out;
}

}  // namespace claimdb::report
