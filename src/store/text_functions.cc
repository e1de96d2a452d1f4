// claimdb_words(), claimdb_chars() and claimdb_fts_now() for claimdb's own connections.
#include "store/text_functions.h"

#include <exception>
#include <string>

#include "text/word_segmenter.h"

namespace claimdb {

namespace {

template <std::string (*Segment)(std::string_view)>
void segment_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  const char* s = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  int n = sqlite3_value_bytes(argv[0]);
  try {
    std::string out = Segment(std::string_view(s ? s : "", static_cast<size_t>(n)));
    sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

template <int Now>
void fts_now_function(sqlite3_context* ctx, int, sqlite3_value**) {
  sqlite3_result_int(ctx, Now);
}

}  // namespace

int register_fts_now(sqlite3* db, bool now) {
  // Not deterministic: its value changes between statements of one connection.
  return sqlite3_create_function(db, "claimdb_fts_now", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, nullptr,
                                 now ? fts_now_function<1> : fts_now_function<0>, nullptr, nullptr);
}

int register_text_functions(sqlite3* db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function(db, "claimdb_words", 1, flags, nullptr, segment_function<text::segmented_words>,
                                   nullptr, nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "claimdb_chars", 1, flags, nullptr, segment_function<text::segmented_chars>,
                                 nullptr, nullptr);
  if (rc == SQLITE_OK) rc = register_fts_now(db, true);
  return rc;
}

}  // namespace claimdb
