// Entry point of the loadable extension libclaimdb_sqlite.so:
//   sqlite3 db.sqlite '.load /path/to/libclaimdb_sqlite'
// SQLite derives the entry point sqlite3_claimdbsqlite_init from the file
// name; it registers the icu_zh FTS5 tokenizer, the claims_extract()
// table-valued function and the scalar functions (scalar_functions.cc).
#include "sqlite_ext/ext.h"

SQLITE_EXTENSION_INIT1

extern "C" __attribute__((visibility("default"))) int sqlite3_claimdbsqlite_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api) {
  SQLITE_EXTENSION_INIT2(api);
  using namespace claimdb::sqlite_ext;
  int rc = register_scalar_functions(db, error);
  if (rc == SQLITE_OK) rc = register_claims_extract(db, error);
  if (rc == SQLITE_OK) rc = register_icu_zh_tokenizer(db, error);
  return rc;
}
