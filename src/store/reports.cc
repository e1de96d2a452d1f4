// Canned reports computed after an import.
#include "claimdb/store.h"

namespace claimdb {

// Hook for report tables built from queries/*.sql; none exist yet, so there is nothing to refresh.
void refresh_reports(SQLite::Database& db) { (void)db; }

}  // namespace claimdb
