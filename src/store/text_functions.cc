// claimdb_words() and claimdb_chars() for claimdb's own connections.
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

}  // namespace

int register_text_functions(sqlite3* db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function(db, "claimdb_words", 1, flags, nullptr, segment_function<text::segmented_words>,
                                   nullptr, nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "claimdb_chars", 1, flags, nullptr, segment_function<text::segmented_chars>,
                                 nullptr, nullptr);
  return rc;
}

}  // namespace claimdb
