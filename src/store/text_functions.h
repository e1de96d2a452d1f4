// SQL functions claimdb registers on every database connection it opens
// (open_database): claimdb_words(text) and claimdb_chars(text), the two
// segmented forms stored for the word-level search index (schema/002_words.sql,
// text/word_segmenter.h). The loadable extension registers the same names.
#pragma once
#include <sqlite3.h>

namespace claimdb {

// Registers the functions on `db`; returns an SQLite result code.
int register_text_functions(sqlite3* db);

}  // namespace claimdb
