#include "report/tables.h"

#include <SQLiteCpp/Statement.h>

#include <set>
#include <vector>

#include "report/params.h"

namespace claimdb::report {

namespace {

std::string quoted(const std::string& id) {
  std::string out = "\"";
  for (char c : id) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The statement without a trailing semicolon, so it can follow INSERT INTO.
std::string statement_of(const Report& r) {
  std::string s = r.sql;
  while (!s.empty() && (s.back() == ';' || isspace(static_cast<unsigned char>(s.back())))) s.pop_back();
  return s;
}

}  // namespace

std::string table_name(const Report& r) { return "report_" + r.name; }

std::string create_table_sql(const Report& r) {
  std::string cols;
  for (const auto& c : r.columns) cols += (cols.empty() ? "" : ", ") + quoted(c.name) + " " + std::string(type_name(c.type));
  return "CREATE TABLE " + quoted(table_name(r)) + " (" + cols + ")";
}

void refresh_tables(SQLite::Database& db) {
  db.exec("SAVEPOINT refresh_reports");
  try {
    std::set<std::string> wanted;
    for (const auto& r : catalog()) wanted.insert(table_name(r));
    std::vector<std::string> stale;
    SQLite::Statement existing(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'report\\_%' ESCAPE '\\'");
    while (existing.executeStep())
      if (!wanted.count(existing.getColumn(0).getString())) stale.push_back(existing.getColumn(0).getString());
    existing.reset();
    for (const auto& name : stale) db.exec("DROP TABLE " + quoted(name));

    for (const auto& r : catalog()) {
      check_columns(db, r);
      db.exec("DROP TABLE IF EXISTS " + quoted(table_name(r)));
      db.exec(create_table_sql(r));
      SQLite::Statement fill(db, "INSERT INTO " + quoted(table_name(r)) + "\n" + statement_of(r));
      bind_params(fill, r, {});
      fill.exec();
    }
    db.exec("RELEASE refresh_reports");
  } catch (...) {
    db.exec("ROLLBACK TO refresh_reports");
    db.exec("RELEASE refresh_reports");
    throw;
  }
}

}  // namespace claimdb::report
