// Canned reports computed after an import: the report_<name> tables built
// from queries/*.sql (see src/report/tables.h).
#include "claimdb/store.h"
#include "report/tables.h"
#include "store/context.h"

namespace claimdb {

void refresh_reports(SQLite::Database& db) {
  try {
    report::refresh_tables(db);
  } catch (const std::exception& e) {
    throw StoreError(with_context(db.getFilename(), std::string("refreshing report tables: ") + e.what()));
  }
}

}  // namespace claimdb
