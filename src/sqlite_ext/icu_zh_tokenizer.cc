// The FTS5 tokenizer icu_zh: ICU dictionary word segmentation with
// NFKC_Casefold tokens (text/word_segmenter.h), for tables users build
// themselves:
//   CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'icu_zh');        -- words
//   CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'icu_zh chars');  -- one token per ideograph
// With words, queries match whole words (海曙区 is 海 曙 区 to ICU; 生产 总值
// are two words); with chars, a phrase matches any substring. Token offsets
// are byte offsets into the original text, so highlight() and snippet()
// mark the text as stored.
#include <cstring>
#include <exception>
#include <new>

#include "sqlite_ext/ext.h"
#include "text/word_segmenter.h"

namespace claimdb::sqlite_ext {

namespace {

struct Tokenizer {
  bool chars = false;
};

int create(void*, const char** args, int nargs, Fts5Tokenizer** out) {
  auto* t = new (std::nothrow) Tokenizer;
  if (!t) return SQLITE_NOMEM;
  for (int i = 0; i < nargs; ++i) {
    if (std::strcmp(args[i], "chars") == 0) t->chars = true;
    else if (std::strcmp(args[i], "words") == 0) t->chars = false;
    else {
      delete t;
      return SQLITE_ERROR;  // FTS5 reports "error in tokenizer constructor"
    }
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

int tokenize(Fts5Tokenizer* tok, void* ctx, int, const char* text, int n,
             int (*emit)(void*, int, const char*, int, int, int)) {
  const Tokenizer* t = reinterpret_cast<Tokenizer*>(tok);
  try {
    auto& seg = text::WordSegmenter::for_thread();
    std::string_view in(text ? text : "", n > 0 ? static_cast<size_t>(n) : 0);
    auto words = t->chars ? seg.char_tokens(in) : seg.words(in);
    for (const auto& w : words) {
      int rc = emit(ctx, 0, w.text.data(), static_cast<int>(w.text.size()), static_cast<int>(w.begin),
                    static_cast<int>(w.end));
      if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (const std::exception&) {
    return SQLITE_ERROR;
  }
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

}  // namespace

int register_icu_zh_tokenizer(sqlite3* db, char** error) {
  fts5_api* api = fts5_api_of(db);
  if (!api || api->iVersion < 2) {
    *error = sqlite3_mprintf("claimdb_sqlite: this SQLite has no FTS5 (needed for the icu_zh tokenizer)");
    return SQLITE_ERROR;
  }
  static fts5_tokenizer tokenizer = {create, destroy, tokenize};
  int rc = api->xCreateTokenizer(api, "icu_zh", nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK) *error = sqlite3_mprintf("claimdb_sqlite: cannot register the icu_zh tokenizer");
  return rc;
}

}  // namespace claimdb::sqlite_ext
