// The physical limit for an import that indexes text for search: a bare
// SQLite program that reads the files and only inserts their passages into
// a table with the same external-content trigram FTS5 index as
// schema/001_init.sql. No decoding, no ICU, no extraction, no claims, no
// document bodies: passages are cut with a byte scan at 。！？； and line
// breaks. Same pragmas and the same batching of whole documents per
// transaction as `claimdb import` (src/store/importer.cc), and like it the
// index is filled with INSERT ... SELECT, not a trigger per row
// (schema/006_batch_fts.sql: that makes FTS5 write a segment per row, 2.4x
// slower), here once per batch before COMMIT (the import does it every
// 2 MiB so that its reader thread is not held up; one thread has no reason
// to), so the ratio import/baseline measures everything import does beyond
// indexing. --per-row indexes each passage by trigger as
// it is inserted, for comparison.
//
// The batches are indexed with the import's FTS5 merge settings (automerge
// off, crisismerge 1000, 8 MiB of pending terms: src/store/batch_fts.cc), so
// the merging is left to the `optimize` at the end; the index is complete
// only after it, and the time printed as `total` counts both.
//
// --words adds the word index of schema/002_words.sql (passage_segments and
// passages_words, unicode61) and the ideograph trigram index of
// schema/005_search_chars.sql, fed with claimdb's segmentation computed
// outside the timed part: the limit for an import that maintains both
// search indexes.
//
//   fts_baseline --db /tmp/base.db [--batch-mb 16] [--words] DIR|FILE...
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "text/word_segmenter.h"

namespace fs = std::filesystem;

namespace {

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "fts_baseline: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "fts_baseline: %s: %s\n", sql, err);
    std::exit(1);
  }
}

const char* kSchema = R"(
CREATE TABLE passages (
  id         INTEGER PRIMARY KEY,
  doc        TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  paragraph  INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  UNIQUE (doc, seq)
);
CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, content = 'passages', content_rowid = 'id', tokenize = 'trigram'
);
)";

const char* kTrigger = R"(
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;
)";
const char* kIndexBatch = "INSERT INTO passages_fts(rowid, text) SELECT id, text FROM passages WHERE id >= ?";

const char* kWordsSchema = R"(
CREATE TABLE passage_segments (
  id    INTEGER PRIMARY KEY,
  words TEXT NOT NULL,
  chars TEXT NOT NULL
);
CREATE VIRTUAL TABLE passages_words USING fts5(
  words, chars, content = 'passage_segments', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE passages_chars3 USING fts5(
  c, content = '', columnsize = 0, tokenize = 'trigram'
);
)";

const char* kWordsTriggers = R"(
CREATE TRIGGER passage_segments_ai AFTER INSERT ON passage_segments BEGIN
  INSERT INTO passages_words(rowid, words, chars) VALUES (new.id, new.words, new.chars);
END;
CREATE TRIGGER passage_segments_chars3_ai AFTER INSERT ON passage_segments BEGIN
  INSERT INTO passages_chars3(rowid, c) VALUES (new.id, replace(new.chars, ' ', ''));
END;
)";
const char* kWordsIndexBatch[] = {
    "INSERT INTO passages_words(rowid, words, chars) SELECT id, words, chars FROM passage_segments WHERE id >= ?",
    "INSERT INTO passages_chars3(rowid, c) SELECT id, replace(chars, ' ', '') FROM passage_segments WHERE id >= ?"};

bool starts_with_any(std::string_view s, size_t i, std::initializer_list<std::string_view> marks, size_t* len) {
  for (auto m : marks)
    if (s.substr(i, m.size()) == m) {
      *len = m.size();
      return true;
    }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  double batch_mb = 16;
  std::string extra_sql;
  bool words = false;  // run after the schema, e.g. FTS5 configuration
  bool per_row = false;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) db_path = argv[++i];
    else if (a == "--batch-mb" && i + 1 < argc) batch_mb = std::stod(argv[++i]);
    else if (a == "--sql" && i + 1 < argc) extra_sql = argv[++i];
    else if (a == "--words") words = true;
    else if (a == "--per-row") per_row = true;
    else if (fs::is_directory(a)) {
      for (auto& e : fs::recursive_directory_iterator(a))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    } else files.push_back(a);
  }
  if (db_path.empty() || files.empty()) {
    std::fprintf(stderr, "usage: fts_baseline --db PATH [--batch-mb N] [--words] [--per-row] DIR|FILE...\n");
    return 2;
  }
  std::sort(files.begin(), files.end());
  fs::remove(db_path);

  auto t0 = std::chrono::steady_clock::now();
  sqlite3* db = nullptr;
  check(sqlite3_open(db_path.c_str(), &db), db, "open");
  // The same connection settings as claimdb import (see importer.cc).
  exec(db, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = -32768");
  exec(db, kSchema);
  if (words) exec(db, kWordsSchema);
  if (!per_row) {
    std::vector<std::string> tables = {"passages_fts"};
    if (words) tables.insert(tables.end(), {"passages_words", "passages_chars3"});
    for (const auto& t : tables)
      for (const char* kv : {"'automerge', 0", "'crisismerge', 1000", "'hashsize', 8388608"})
        exec(db, ("INSERT INTO " + t + "(" + t + ", rank) VALUES (" + kv + ")").c_str());
  }
  if (per_row) exec(db, kTrigger);
  if (per_row && words) exec(db, kWordsTriggers);
  // The batch's passages are those from `first_id` on (nothing is deleted here).
  std::vector<sqlite3_stmt*> index_batch;
  if (!per_row) {
    std::vector<const char*> sql = {kIndexBatch};
    if (words) sql.insert(sql.end(), std::begin(kWordsIndexBatch), std::end(kWordsIndexBatch));
    for (const char* q : sql) {
      sqlite3_stmt* st = nullptr;
      check(sqlite3_prepare_v3(db, q, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr), db, "prepare");
      index_batch.push_back(st);
    }
  }
  int64_t first_id = 1, last_id = 0;
  auto commit = [&] {
    for (sqlite3_stmt* st : index_batch) {
      sqlite3_bind_int64(st, 1, first_id);
      check(sqlite3_step(st), db, "index the batch");
      sqlite3_reset(st);
    }
    exec(db, "COMMIT");
    first_id = last_id + 1;
  };
  if (!extra_sql.empty()) exec(db, extra_sql.c_str());
  sqlite3_stmt* ins_seg = nullptr;
  if (words)
    check(sqlite3_prepare_v3(db, "INSERT INTO passage_segments (id, words, chars) VALUES (?, ?, ?)", -1,
                             SQLITE_PREPARE_PERSISTENT, &ins_seg, nullptr),
          db, "prepare");
  double untimed = 0;  // seconds spent segmenting (not SQLite's work)
  sqlite3_stmt* ins = nullptr;
  check(sqlite3_prepare_v3(db, "INSERT INTO passages (doc, seq, paragraph, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?)",
                           -1, SQLITE_PREPARE_PERSISTENT, &ins, nullptr),
        db, "prepare");

  size_t bytes = 0, passages = 0, in_batch = 0;
  const size_t batch_bytes = static_cast<size_t>(batch_mb * 1e6);
  bool open = false;
  std::string text;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += text.size();
    if (!open) {
      exec(db, "BEGIN IMMEDIATE");
      open = true;
    }
    exec(db, "SAVEPOINT doc");  // per-document atomicity, as in the import
    std::string doc = f.stem().string();
    std::string_view s = text;
    size_t start = 0, seq = 0, para = 0;
    auto emit = [&](size_t end) {
      while (start < end && (s[start] == ' ' || s[start] == '\n' || s[start] == '\r' || s[start] == '#')) ++start;
      if (end > start) {
        sqlite3_bind_text(ins, 1, doc.data(), int(doc.size()), SQLITE_STATIC);
        sqlite3_bind_int64(ins, 2, int64_t(seq++));
        sqlite3_bind_int64(ins, 3, int64_t(para));
        sqlite3_bind_int64(ins, 4, int64_t(start));
        sqlite3_bind_int64(ins, 5, int64_t(end));
        sqlite3_bind_text(ins, 6, s.data() + start, int(end - start), SQLITE_STATIC);
        check(sqlite3_step(ins), db, "insert");
        sqlite3_reset(ins);
        last_id = sqlite3_last_insert_rowid(db);
        if (words) {
          auto s0 = std::chrono::steady_clock::now();
          std::string_view t = s.substr(start, end - start);
          std::string w = claimdb::text::segmented_words(t), c = claimdb::text::segmented_chars(t);
          untimed += std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
          sqlite3_bind_int64(ins_seg, 1, last_id);
          sqlite3_bind_text(ins_seg, 2, w.data(), int(w.size()), SQLITE_TRANSIENT);
          sqlite3_bind_text(ins_seg, 3, c.data(), int(c.size()), SQLITE_TRANSIENT);
          check(sqlite3_step(ins_seg), db, "insert segments");
          sqlite3_reset(ins_seg);
        }
        ++passages;
      }
      start = end;
    };
    for (size_t i = 0; i < s.size();) {
      size_t len = 0;
      if (s[i] == '\n') {
        emit(i);
        if (i + 1 < s.size() && s[i + 1] == '\n') ++para;
        ++i;
      } else if (starts_with_any(s, i, {"。", "！", "？", "；"}, &len)) {
        emit(i + len);
        i += len;
      } else {
        ++i;
      }
    }
    emit(s.size());
    exec(db, "RELEASE doc");
    in_batch += text.size();
    if (in_batch >= batch_bytes) {
      commit();
      open = false;
      in_batch = 0;
    }
  }
  if (open) commit();
  for (sqlite3_stmt* st : index_batch) sqlite3_finalize(st);
  sqlite3_finalize(ins);
  sqlite3_finalize(ins_seg);
  auto t1 = std::chrono::steady_clock::now();
  exec(db, "INSERT INTO passages_fts(passages_fts) VALUES ('optimize')");
  if (words) {
    exec(db, "INSERT INTO passages_words(passages_words) VALUES ('optimize')");
    exec(db, "INSERT INTO passages_chars3(passages_chars3) VALUES ('optimize')");
  }
  auto t2 = std::chrono::steady_clock::now();
  sqlite3_close(db);

  double secs = std::chrono::duration<double>(t1 - t0).count() - untimed;
  double opt = std::chrono::duration<double>(t2 - t1).count();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("fts_baseline%s%s: %zu files, %.1f MB, %zu passages; insert %.2f s, optimize %.2f s, total %.2f s (%.2f MB/s), peak RSS %ld MB\n",
              words ? " --words" : "", per_row ? " --per-row" : "", files.size(), bytes / 1e6, passages, secs, opt,
              secs + opt, bytes / 1e6 / (secs + opt), ru.ru_maxrss / 1024);
  return 0;
}
