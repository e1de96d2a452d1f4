// SQL functions claimdb registers on every database connection it opens
// (open_database): claimdb_words(text) and claimdb_chars(text), the two
// segmented forms stored for the word-level search index (schema/002_words.sql,
// text/word_segmenter.h), and claimdb_fts_now(). The loadable extension
// registers the same names.
#pragma once
#include <sqlite3.h>

namespace claimdb {

// Registers the functions on `db`, with claimdb_fts_now() true; returns an
// SQLite result code.
int register_text_functions(sqlite3* db);

// claimdb_fts_now(): whether the triggers of schema/006_batch_fts.sql add a
// new passage to the full-text indexes at once (true) or leave it to the
// importer's batch (false, see store/batch_fts.h).
int register_fts_now(sqlite3* db, bool now);

}  // namespace claimdb
