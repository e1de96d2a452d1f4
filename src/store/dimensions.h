// The dimension tables (districts, indicators, units, unit_words) filled
// from the embedded TSV files. Each table's TSV hash is kept in `meta`, so
// a table is reloaded only when the binary carries different data.
#pragma once
#include <SQLiteCpp/Database.h>

namespace claimdb {

// True when some dimension table holds other data than the embedded TSVs.
bool dimensions_stale(SQLite::Database& db);

// Brings every stale dimension table up to date. Call inside the caller's
// transaction with foreign keys on: rows are upserted, and rows that left
// the TSV are deleted unless claims still reference them.
void load_dimensions(SQLite::Database& db);

}  // namespace claimdb
