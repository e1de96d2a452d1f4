// Indexes an import batch's passages for full-text search a few megabytes
// at a time, not passage by passage (schema/006_batch_fts.sql says why). While a
// BatchFts lives, the connection's claimdb_fts_now() is false, so writing a
// passage leaves the three indexes alone; the writer records its id in
// sink(), and index() adds every recorded passage to passages_fts, passages_words and
// passages_chars3 inside the open transaction.
//
// While batches are indexed, FTS5 does not merge segments (see index()):
// settle_fts() restores its defaults and merges once, when the import ends.
#pragma once
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <vector>

namespace claimdb {

class BatchFts {
 public:
  // Takes over claimdb_fts_now() on `db` when `batch_triggers` (its schema
  // has the triggers of schema 6); otherwise passages stay indexed as
  // written, and sink() is null and index() does nothing.
  BatchFts(SQLite::Database& db, bool batch_triggers);
  ~BatchFts();  // claimdb_fts_now() is true again
  BatchFts(const BatchFts&) = delete;
  BatchFts& operator=(const BatchFts&) = delete;

  bool active() const { return active_; }
  // Where the writer records the ids of the passages it writes
  // (DocumentWriter::written_passages); null when not active.
  std::vector<int64_t>* sink() { return active_ ? &ids_ : nullptr; }
  // The number recorded: forget(mark) drops the passages recorded after it
  // (their document was rolled back).
  size_t mark() const { return ids_.size(); }
  void forget(size_t mark);
  // Indexes the recorded passages and forgets them. Call inside the batch's
  // transaction, between documents (no document savepoint open, so no
  // later rollback of one undoes it) and before COMMIT; on an exception the
  // caller rolls the batch back.
  // It first sets the indexes' bulk merge settings (kept in the file until
  // settle_fts() restores the defaults).
  void index();
  // Forgets everything (the batch was rolled back).
  void clear() { ids_.clear(); }

 private:
  SQLite::Database& db_;
  bool active_ = false;
  std::vector<int64_t> ids_;
};

// After an import: FTS5's default merge settings again for passages_fts,
// passages_words and passages_chars3, then either `optimize` (each index
// merged into one segment: worth it after an import that wrote a good share
// of the passages) or the merges FTS5's automerge would have done while the
// import wrote.
void settle_fts(SQLite::Database& db, bool optimize);

}  // namespace claimdb
