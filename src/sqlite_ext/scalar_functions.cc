// Scalar SQL functions of the extension:
//   cn_number(text)   a Chinese, Arabic or mixed numeral: '一千二百三十四' -> 1234, '1.2万亿' -> 1.2e12
//   cn_amount(text)   an amount with its unit in base units: '1170.1亿元' -> 117010000000
//   cn_unit(text)     that amount's unit code: '2.57亿美元' -> 'USD', '5.1平方公里' -> 'm2'
//   claimdb_words(text), claimdb_chars(text)   the segmented forms claimdb's word index
//                     stores (schema/002_words.sql), so the stock shell can write passages
//   claimdb_fts_now()  1: a passage the shell writes is indexed at once (schema/006_batch_fts.sql)
// All return NULL for NULL and for text that is not a number or an amount.
#include <cmath>
#include <exception>
#include <string>

#include "numeric/cn_value.h"
#include "sqlite_ext/ext.h"
#include "text/word_segmenter.h"

namespace claimdb::sqlite_ext {

namespace {

// Whole numbers come back as INTEGER (1234, 117010000000), others as REAL.
void result_number(sqlite3_context* ctx, double v) {
  if (std::nearbyint(v) == v && std::fabs(v) < 9007199254740992.0)
    sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(v));
  else
    sqlite3_result_double(ctx, v);
}

std::string_view arg_text(sqlite3_value* v) {
  const char* s = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return std::string_view(s ? s : "", static_cast<size_t>(sqlite3_value_bytes(v)));
}

void cn_number_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  try {
    if (auto v = numeric::cn_number(arg_text(argv[0]))) return result_number(ctx, *v);
    sqlite3_result_null(ctx);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

void cn_amount_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  try {
    if (auto a = numeric::cn_amount(arg_text(argv[0]))) return result_number(ctx, a->value);
    sqlite3_result_null(ctx);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

void cn_unit_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  try {
    auto a = numeric::cn_amount(arg_text(argv[0]));
    if (!a || a->unit.empty()) return sqlite3_result_null(ctx);
    sqlite3_result_text(ctx, a->unit.data(), static_cast<int>(a->unit.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

template <std::string (*Segment)(std::string_view)>
void segment_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  try {
    std::string out = Segment(arg_text(argv[0]));
    sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

}  // namespace

int register_scalar_functions(sqlite3* db, char** error) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  struct Fn {
    const char* name;
    void (*fn)(sqlite3_context*, int, sqlite3_value**);
  };
  const Fn fns[] = {{"cn_number", cn_number_fn},
                    {"cn_amount", cn_amount_fn},
                    {"cn_unit", cn_unit_fn},
                    {"claimdb_words", segment_fn<text::segmented_words>},
                    {"claimdb_chars", segment_fn<text::segmented_chars>}};
  for (const Fn& f : fns) {
    int rc = sqlite3_create_function(db, f.name, 1, flags, nullptr, f.fn, nullptr, nullptr);
    if (rc != SQLITE_OK) {
      *error = sqlite3_mprintf("claimdb_sqlite: cannot register %s()", f.name);
      return rc;
    }
  }
  // The shell indexes every passage it writes at once (schema/006_batch_fts.sql).
  int rc = sqlite3_create_function(
      db, "claimdb_fts_now", 0, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
      [](sqlite3_context* ctx, int, sqlite3_value**) { sqlite3_result_int(ctx, 1); }, nullptr, nullptr);
  if (rc != SQLITE_OK) *error = sqlite3_mprintf("claimdb_sqlite: cannot register claimdb_fts_now()");
  return rc;
}

}  // namespace claimdb::sqlite_ext
