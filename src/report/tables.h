// The report_<name> tables: every report's rows (parameters unset) stored
// in a table with declared column types, for clients that read tables
// rather than run SQL files (BI tools over ODBC, Datasette, pandas).
#pragma once
#include <SQLiteCpp/Database.h>

#include <string>

#include "report/catalog.h"

namespace claimdb::report {

// "report_gdp"
std::string table_name(const Report& r);

// CREATE TABLE "report_<name>" ("district" TEXT, "year" INTEGER, ...).
std::string create_table_sql(const Report& r);

// Drops and recreates every report_* table from the catalog, and drops
// report_* tables whose report no longer exists, in one transaction (a
// savepoint, so it also works inside an open transaction). On error the
// database is left as it was and ReportError/SQLite::Exception is thrown.
void refresh_tables(SQLite::Database& db);

}  // namespace claimdb::report
