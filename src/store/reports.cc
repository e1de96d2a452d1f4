// Canned reports computed after an import: the report_<name> tables built
// from queries/*.sql (see src/report/tables.h), and whether they are current.
#include "claimdb/store.h"

#include <SQLiteCpp/Statement.h>

#include "report/tables.h"
#include "store/context.h"
#include "util/resources.h"
#include "util/sha256.h"

namespace claimdb {

namespace {

// The report tables are current when meta holds this key with the hash of
// every embedded SQL file (report queries and schema). Any write to the
// data deletes it in the same transaction (mark_reports_stale), so a run
// that wrote and then died before refreshing leaves it absent.
constexpr const char* kReportsKey = "reports:sha256";

std::string reports_source_hash() {
  std::string all;
  for (const auto& name : resource_names(".sql")) {
    all += name;
    all += '\0';
    all += resource(name);
    all += '\0';
  }
  return sha256_hex(all);
}

}  // namespace

void mark_reports_stale(SQLite::Database& db) {
  SQLite::Statement st(db, "DELETE FROM meta WHERE key = ?");
  st.bind(1, kReportsKey);
  st.exec();
}

bool reports_current(SQLite::Database& db) {
  SQLite::Statement get(db, "SELECT value FROM meta WHERE key = ?");
  get.bind(1, kReportsKey);
  return get.executeStep() && get.getColumn(0).getString() == reports_source_hash();
}

void refresh_reports(SQLite::Database& db) {
  // The tables and the mark change together (a savepoint nests in the caller's transaction, if any).
  db.exec("SAVEPOINT reports");
  try {
    mark_reports_stale(db);
    report::refresh_tables(db);
    SQLite::Statement set(db, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    set.bind(1, kReportsKey);
    set.bind(2, reports_source_hash());
    set.exec();
    db.exec("RELEASE reports");
  } catch (const std::exception& e) {
    db.exec("ROLLBACK TO reports");
    db.exec("RELEASE reports");
    throw StoreError(with_context(db.getFilename(), std::string("refreshing report tables: ") + e.what()));
  }
}

}  // namespace claimdb
