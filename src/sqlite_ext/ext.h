// The loadable SQLite extension libclaimdb_sqlite.so: shared declarations.
// Every source here uses the extension API (sqlite3ext.h): calls go through
// the routines SQLite hands to the entry point, never to a linked libsqlite3.
#pragma once
#include <sqlite3ext.h>

SQLITE_EXTENSION_INIT3

namespace claimdb::sqlite_ext {

// Each registers its part on `db` and returns an SQLite result code,
// setting *error (sqlite3_malloc'd) on failure.
int register_icu_zh_tokenizer(sqlite3* db, char** error);  // icu_zh_tokenizer.cc
int register_claims_extract(sqlite3* db, char** error);    // claims_extract.cc
int register_scalar_functions(sqlite3* db, char** error);  // scalar_functions.cc

}  // namespace claimdb::sqlite_ext
