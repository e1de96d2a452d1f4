#include "store/batch_fts.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "claimdb/store.h"
#include "store/context.h"
#include "store/text_functions.h"

namespace claimdb {

BatchFts::BatchFts(SQLite::Database& db, bool batch_triggers) : db_(db), active_(batch_triggers) {
  if (active_ && register_fts_now(db.getHandle(), false) != SQLITE_OK)
    throw StoreError(db.getFilename() + ": cannot register claimdb_fts_now()");
}

BatchFts::~BatchFts() {
  if (active_) register_fts_now(db_.getHandle(), true);
}

void BatchFts::forget(size_t mark) {
  if (mark < ids_.size()) ids_.resize(mark);
}

void BatchFts::index() {
  if (ids_.empty()) return;
  std::sort(ids_.begin(), ids_.end());
  // The same rows the triggers of schema/006 would add, a run of
  // consecutive ids per statement (a batch is mostly one run).
  SQLite::Statement fts(db_, "INSERT INTO passages_fts(rowid, text) SELECT id, text FROM passages WHERE id BETWEEN ?1 AND ?2");
  SQLite::Statement words(db_,
                          "INSERT INTO passages_words(rowid, words, chars) SELECT id, words, chars FROM passage_segments"
                          " WHERE id BETWEEN ?1 AND ?2");
  SQLite::Statement chars3(db_,
                           "INSERT INTO passages_chars3(rowid, c) SELECT id, replace(chars, ' ', '') FROM passage_segments"
                           " WHERE id BETWEEN ?1 AND ?2");
  for (size_t i = 0; i < ids_.size();) {
    size_t j = i + 1;
    while (j < ids_.size() && ids_[j] == ids_[j - 1] + 1) ++j;
    for (SQLite::Statement* st : {&fts, &words, &chars3}) {
      st->bind(1, static_cast<int64_t>(ids_[i]));
      st->bind(2, static_cast<int64_t>(ids_[j - 1]));
      st->exec();
      st->reset();
    }
    i = j;
  }
  ids_.clear();
}

}  // namespace claimdb
