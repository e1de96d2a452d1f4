#include "store/batch_fts.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

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

namespace {

const char* const kIndexes[] = {"passages_fts", "passages_words", "passages_chars3"};

// Sets FTS5 configuration option `key` of `table` (stored in its %_config).
void configure(SQLite::Database& db, const std::string& table, const char* key, long long value) {
  SQLite::Statement st(db, "INSERT INTO \"" + table + "\"(\"" + table + "\", rank) VALUES (?, ?)");
  st.bind(1, key);
  st.bind(2, static_cast<int64_t>(value));
  st.exec();
}

// FTS5's own defaults (fts5Int.h): merge four segments of a level once a
// write has added enough pages, merge at once when a level holds 16.
constexpr long long kAutomerge = 4, kCrisismerge = 16, kHashBytes = 1 << 20;

}  // namespace

void BatchFts::index() {
  if (ids_.empty()) return;
  // A bulk load writes each term's postings once when they are flushed and
  // once more when everything is merged at the end (settle_fts), instead of
  // merging level by level as it goes: automerge off, and a crisis merge
  // only at 1000 segments on a level (FTS5 allows 2000 in all). Each call
  // flushes a segment of its own (FTS5 flushes at the end of a statement
  // inside a transaction); 8 MiB of pending terms instead of 1 MiB keeps it
  // one segment per call. On 83 MB of text the import took 38 s instead of
  // 57 s; each index's pending terms take up to 8 MiB while it is written.
  // Set in the open transaction, so a batch rolled back leaves nothing
  // different behind. (An active BatchFts means schema 6, so all three
  // indexes exist: the statements below need them too.)
  for (const char* t : kIndexes) {
    configure(db_, t, "automerge", 0);
    configure(db_, t, "crisismerge", 1000);
    configure(db_, t, "hashsize", 8 << 20);
  }
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

void settle_fts(SQLite::Database& db, bool optimize) {
  // One transaction: the defaults come back with the merge or not at all.
  SQLite::Transaction tx(db);
  for (const char* t : kIndexes) {
    if (!db.tableExists(t)) continue;
    configure(db, t, "automerge", kAutomerge);
    configure(db, t, "crisismerge", kCrisismerge);
    configure(db, t, "hashsize", kHashBytes);
    // A positive 'merge' merges every level holding `usermerge` (4) segments
    // or more, as automerge does, until none does (the budget, in pages, is
    // not what stops it).
    const char* how = optimize ? "('optimize', NULL)" : "('merge', 1000000000)";
    db.exec(std::string("INSERT INTO ") + t + "(" + t + ", rank) VALUES " + how);
  }
  tx.commit();
}

}  // namespace claimdb
