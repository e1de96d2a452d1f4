// Importing files: unchanged files are skipped, changed ones replaced,
// failures leave the database as it was; the writer links claims to
// passages and enforces the quote/span contract.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>

#include "claimdb/store.h"
#include "store/importer.h"
#include "store/testing.h"
#include "store/writer.h"
#include "util/utf.h"

namespace claimdb {
namespace {

using testing::TempDir;
using testing::write_file;

const char* kText =
    "去年，全区实现地区生产总值1170.1亿元，增长6.1%。\n\n"
    "今年力争固定资产投资增长8%以上，新增市场主体2000家。\n";

long long count(SQLite::Database& db, const std::string& table) {
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

// Everything an import writes, as one string (imported_at aside, which is a time).
std::string snapshot(SQLite::Database& db) {
  std::string out;
  for (const char* q : {"SELECT doc, title, year, year_basis, district, sha256, encoding, byte_size, body FROM documents ORDER BY doc",
                        "SELECT id, doc, seq, paragraph, span_start, span_end, text FROM passages ORDER BY id",
                        "SELECT * FROM claims ORDER BY id"}) {
    SQLite::Statement st(db, q);
    while (st.executeStep()) {
      for (int i = 0; i < st.getColumnCount(); ++i) out += st.getColumn(i).getString() + "|";
      out += "\n";
    }
  }
  return out;
}

TEST(Importer, ImportsThenSkipsUnchangedThenReplacesChanged) {
  TempDir dir;
  auto db = open_database((dir / "c.db").string(), OpenMode::Create);
  write_file(dir / "a.txt", kText);
  write_file(dir / "b.txt", "海曙区新增企业35家。\n");
  Manifest m = Manifest::parse("file,year,district,title\na.txt,2023,海曙区,标题甲\n", "m.csv");
  {
    Importer imp(db, &m, {});
    EXPECT_EQ(imp.import_file(dir / "a.txt").status, ImportStatus::New);
    EXPECT_EQ(imp.import_file(dir / "b.txt").status, ImportStatus::New);
    imp.finish();
  }
  EXPECT_EQ(db.execAndGet("SELECT title || '/' || year || '/' || year_basis || '/' || district FROM documents WHERE doc = 'a'").getString(),
            "标题甲/2023/manifest/海曙区");
  EXPECT_EQ(db.execAndGet("SELECT year_basis FROM documents WHERE doc = 'b'").getString() != "manifest", true);
  EXPECT_EQ(db.execAndGet("SELECT body FROM documents WHERE doc = 'a'").getString(), kText);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM passages WHERE substr((SELECT body FROM documents d WHERE d.doc = passages.doc), span_start + 1, span_end - span_start) <> text").getInt(), 0);
  EXPECT_GT(count(db, "passages"), 0);
  std::string before = snapshot(db);
  long long max_passage = db.execAndGet("SELECT max(id) FROM passages").getInt64();

  {
    Importer imp(db, &m, {});
    FileImport r = imp.import_file(dir / "a.txt");
    EXPECT_EQ(r.status, ImportStatus::Unchanged);
    EXPECT_EQ(r.passages, 0u);
    imp.finish();
  }
  EXPECT_EQ(snapshot(db), before);
  EXPECT_EQ(db.execAndGet("SELECT max(id) FROM passages").getInt64(), max_passage);

  write_file(dir / "a.txt", std::string(kText) + "预计全年实现增长5%。\n");
  {
    Importer imp(db, &m, {});
    FileImport r = imp.import_file(dir / "a.txt");
    EXPECT_EQ(r.status, ImportStatus::Replaced);
    imp.finish();
  }
  EXPECT_EQ(count(db, "documents"), 2);
  EXPECT_NE(db.execAndGet("SELECT body FROM documents WHERE doc = 'a'").getString().find("预计全年"), std::string::npos);
  // The old passages of a are gone from the table and from the full-text index.
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM passages WHERE doc = 'a' AND id <= " + std::to_string(max_passage)).getInt(), 0);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '\"地区生产总值\"'").getInt(), 1);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '\"预计全年\"'").getInt(), 1);
  db.exec("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)");
}

TEST(Importer, ForceReimportsUnchangedFiles) {
  TempDir dir;
  auto db = open_database((dir / "c.db").string(), OpenMode::Create);
  write_file(dir / "a.txt", kText);
  { Importer imp(db, nullptr, {}); imp.import_file(dir / "a.txt"); }
  Importer imp(db, nullptr, {false, true});
  EXPECT_EQ(imp.import_file(dir / "a.txt").status, ImportStatus::Replaced);
}

TEST(Importer, BadBytesFailWithFileNameAndLeaveStoredDocument) {
  TempDir dir;
  auto db = open_database((dir / "c.db").string(), OpenMode::Create);
  auto path = dir / "a.txt";
  write_file(path, kText);
  Importer imp(db, nullptr, {});
  imp.import_file(path);
  std::string before = snapshot(db);
  write_file(path, std::string(kText) + "坏\xff\xff\x80字节" + kText);
  try {
    imp.import_file(path);
    FAIL() << "expected a decode error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  }
  EXPECT_EQ(snapshot(db), before);
  // The importer is still usable after the failure.
  write_file(dir / "b.txt", kText);
  EXPECT_EQ(imp.import_file(dir / "b.txt").status, ImportStatus::New);
  EXPECT_THROW(imp.import_file(dir / "missing.txt"), StoreError);
}

// A long text of self-contained paragraphs (each names its own figure, and
// the manifest gives year and district), so cutting it into parts changes
// nothing that is stored.
std::string long_text() {
  const char* lines[] = {"全区实现地区生产总值1170.1亿元，增长6.1%。", "新增市场主体2000家，比上年增长12%。",
                         "完成固定资产投资305亿元。", "实际利用外资3.2亿美元，增长9.5%。",
                         "城镇居民人均可支配收入7.6万元。"};
  std::string t;
  for (int i = 0; i < 40; ++i) t += std::string(lines[i % 5]) + "\n\n";
  return t;
}

std::vector<FileOutcome> run_pipeline(SQLite::Database& db, const Manifest& m, ImportOptions o,
                                      const std::vector<std::string>& files, PipelineOptions p = {}) {
  std::vector<FileOutcome> out;
  ImportPipeline pipe(db, &m, o, p);
  pipe.run(files, [&](const FileOutcome& f) { out.push_back(f); });
  pipe.finish();
  return out;
}

TEST(Importer, AFileImportedInPartsStoresTheSameRows) {
  TempDir dir;
  write_file(dir / "a.txt", long_text());
  Manifest m = Manifest::parse("file,year,district,title\na.txt,2023,海曙区,长文\n", "m.csv");
  auto whole = open_database((dir / "whole.db").string(), OpenMode::Create);
  Importer(whole, &m, {}).import_file(dir / "a.txt");
  ASSERT_EQ(count(whole, "claims"), 40);  // one figure a paragraph

  ImportOptions small;
  small.part_bytes = 200;  // about 4 paragraphs a part: 20 parts
  auto parts = open_database((dir / "parts.db").string(), OpenMode::Create);
  Importer(parts, &m, small).import_file(dir / "a.txt");
  EXPECT_EQ(snapshot(parts), snapshot(whole));

  auto piped = open_database((dir / "piped.db").string(), OpenMode::Create);
  auto outcomes = run_pipeline(piped, m, small, {dir / "a.txt"});
  ASSERT_EQ(outcomes.size(), 1u);  // one report per file, not per part
  EXPECT_EQ(outcomes[0].error, "");
  EXPECT_EQ(outcomes[0].result.claims, static_cast<size_t>(count(whole, "claims")));
  EXPECT_EQ(outcomes[0].result.passages, static_cast<size_t>(count(whole, "passages")));
  EXPECT_EQ(snapshot(piped), snapshot(whole));
}

TEST(Importer, AFailureInALaterPartDropsTheWholeFile) {
  TempDir dir;
  write_file(dir / "a.txt", kText);
  write_file(dir / "b.txt", long_text());
  write_file(dir / "c.txt", kText);
  Manifest m = Manifest::parse("file,year,district,title\nb.txt,2023,海曙区,长文\n", "m.csv");
  auto db = open_database((dir / "c.db").string(), OpenMode::Create);
  // Fails the write of b's fifth part, after four parts of it were written.
  db.exec("CREATE TRIGGER fail_late BEFORE INSERT ON passages WHEN new.doc = 'b' AND new.seq = 16"
          " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  ImportOptions small;
  small.part_bytes = 200;
  auto outcomes = run_pipeline(db, m, small, {dir / "a.txt", dir / "b.txt", dir / "c.txt"});
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(outcomes[0].error, "");
  EXPECT_NE(outcomes[1].error.find("b.txt"), std::string::npos);
  EXPECT_NE(outcomes[1].error.find("injected failure"), std::string::npos) << outcomes[1].error;
  EXPECT_EQ(outcomes[2].error, "");
  EXPECT_EQ(db.execAndGet("SELECT group_concat(doc) FROM (SELECT doc FROM documents ORDER BY doc)").getString(), "a,c");
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM passages WHERE doc = 'b'").getInt(), 0);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM claims WHERE doc = 'b'").getInt(), 0);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");

  // Without the fault the same file imports whole.
  db.exec("DROP TRIGGER fail_late");
  outcomes = run_pipeline(db, m, small, {dir / "b.txt"});
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].error, "");
  EXPECT_EQ(db.execAndGet("SELECT count(DISTINCT seq) = max(seq) + 1 FROM passages WHERE doc = 'b'").getInt(), 1);
}

// Counts the statement journals SQLite opens as files (SQLITE_OPEN_SUBJOURNAL)
// on connections opened while it lives: one that outgrows SQLite's
// in-memory start (64 KiB) is spilled to a file unless temp_store = MEMORY.
class SubjournalFiles {
 public:
  SubjournalFiles() {
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = *real_;
    vfs_.zName = "claimdb_count_subjournals";
    vfs_.xOpen = [](sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out) {
      if (flags & SQLITE_OPEN_SUBJOURNAL) ++opened_;
      return real_->xOpen(real_, name, f, flags, out);
    };
    sqlite3_vfs_register(&vfs_, 1);
  }
  ~SubjournalFiles() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
  }
  int opened() const { return opened_; }
  void reset() { opened_ = 0; }

 private:
  static inline sqlite3_vfs* real_ = nullptr;
  static inline std::atomic<int> opened_{0};
  sqlite3_vfs vfs_;
};

// A batch keeps its savepoint journal in memory when it begins with a small
// file that replaces nothing large; a file above
// PipelineOptions::memory_journal_bytes (or replacing a stored version
// above it) commits such a batch and begins one with the journal on disk.
// Either way the rows are the same, and the connection's temp_store is its
// own again afterwards.
TEST(Importer, SmallFilesKeepTheSavepointJournalInMemory) {
  TempDir dir;
  std::string big = long_text();
  for (int i = 0; i < 3; ++i) big += big;  // 32 KB
  write_file(dir / "c.txt", kText + std::string("\n"));
  Manifest m = Manifest::parse("file,year,district,title\n", "m.csv");
  SubjournalFiles journals;
  std::string first;
  for (size_t limit : {size_t{1} << 20, size_t{1000}, size_t{0}}) {
    SCOPED_TRACE("memory_journal_bytes " + std::to_string(limit));
    auto db = open_database((dir / ("j" + std::to_string(limit) + ".db")).string(), OpenMode::Create);
    db.exec("PRAGMA temp_store = FILE");  // the caller's setting, restored after run()
    // Every document rewrites the same 100 pages. The savepoint journal
    // copies a page that an earlier savepoint of the transaction changed:
    // 400 KB for each document after the first of a batch, more than SQLite
    // holds in memory before it opens a file (64 KiB).
    db.exec("CREATE TABLE filler(v); "
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
            "INSERT INTO filler SELECT zeroblob(3000) FROM n; "
            "CREATE TRIGGER touch AFTER INSERT ON documents BEGIN UPDATE filler SET v = zeroblob(3000 + new.byte_size % 7); END");
    PipelineOptions p;
    p.memory_journal_bytes = limit;
    p.batch_seconds = 1e9;
    auto import = [&](const std::string& a_text, const std::string& b_text) {
      write_file(dir / "a.txt", a_text);
      write_file(dir / "b.txt", b_text);
      ImportPipeline pipe(db, &m, {}, p);
      int commits = 0;
      sqlite3_commit_hook(db.getHandle(), [](void* n) { ++*static_cast<int*>(n); return 0; }, &commits);
      std::vector<FileOutcome> out;
      journals.reset();
      pipe.run({dir / "a.txt", dir / "b.txt", dir / "c.txt"}, [&](const FileOutcome& f) { out.push_back(f); });
      sqlite3_commit_hook(db.getHandle(), nullptr, nullptr);
      EXPECT_EQ(out.size(), 3u);
      for (const auto& o : out) EXPECT_EQ(o.error, "");
      EXPECT_EQ(db.execAndGet("PRAGMA temp_store").getInt(), 1);
      pipe.finish();
      return commits;
    };
    // b.txt is large only for the limit of 1000 bytes: a's batch commits
    // before it, b and c share the next one, on disk.
    EXPECT_EQ(import(kText, big), limit == 1000 ? 2 : 1);
    if (limit > big.size())
      EXPECT_EQ(journals.opened(), 0);
    else
      EXPECT_GT(journals.opened(), 0);
    if (first.empty()) first = snapshot(db);
    EXPECT_EQ(snapshot(db), first);
    // A small b.txt replacing the large one deletes its rows inside the
    // savepoint, so it counts as large too: the batch a.txt began commits
    // before it.
    EXPECT_EQ(import(kText + std::string("海曙区新增企业36家。\n"), "海曙区新增企业35家。\n"), limit == 1000 ? 2 : 1);
  }
}

// What the three search indexes answer for a few queries: (doc, seq) of
// the matching passages, so databases whose passage ids differ compare.
std::string search_snapshot(SQLite::Database& db) {
  std::string out;
  const std::pair<const char*, const char*> queries[] = {
      {"passages_fts", "生产总值"}, {"passages_fts", "增长"},       {"passages_fts", "2000"},
      {"passages_words", "增长"},   {"passages_words", "chars : 投"}, {"passages_words", "市场 AND 主体"},
      {"passages_chars3", "地区生产"}, {"passages_chars3", "新增市场"}};
  for (auto [table, query] : queries) {
    SQLite::Statement st(db, std::string("SELECT p.doc || ':' || p.seq FROM ") + table +
                                 " f JOIN passages p ON p.id = f.rowid WHERE " + table + " MATCH ? ORDER BY p.doc, p.seq");
    st.bind(1, query);
    out += std::string(table) + " " + query + ":";
    while (st.executeStep()) out += " " + st.getColumn(0).getString();
    out += "\n";
  }
  return out;
}

// Import indexes a batch's passages just before it commits (schema/006):
// whatever the batching, failures and replaced documents, the indexes hold
// exactly what indexing each passage as it is written gives.
TEST(Importer, BatchesIndexTheSamePassagesAsTheTriggers) {
  TempDir dir;
  std::vector<std::string> files;
  for (int i = 0; i < 6; ++i) {
    files.push_back(dir / ("d" + std::to_string(i) + ".txt"));
    write_file(files.back(), std::string(kText) + "第" + std::to_string(i) + "篇：新增市场主体" + std::to_string(100 + i) + "家。\n");
  }
  write_file(files[2], long_text());  // written in parts; its fifth part fails
  ImportOptions small;
  small.part_bytes = 200;
  Manifest m = Manifest::parse("file,year,district,title\n", "m.csv");
  auto direct = open_database((dir / "direct.db").string(), OpenMode::Create);
  {
    Importer im(direct, &m, {});
    for (const auto& f : files)
      if (std::filesystem::path(f).stem() != "d2") im.import_file(f);
  }
  // A batch per document; one batch indexed at its end; one batch indexed
  // after every document (PipelineOptions::index_bytes).
  const std::pair<size_t, size_t> runs[] = {{1, 2u << 20}, {16u << 20, 16u << 20}, {16u << 20, 1}};
  for (auto [batch, index] : runs) {
    SCOPED_TRACE(std::to_string(batch) + " " + std::to_string(index));
    auto db = open_database((dir / ("piped" + std::to_string(batch) + "_" + std::to_string(index) + ".db")).string(),
                            OpenMode::Create);
    db.exec("CREATE TRIGGER fail_d2 BEFORE INSERT ON passages WHEN new.doc = 'd2' AND new.seq = 16"
            " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    PipelineOptions p;
    p.batch_bytes = batch;
    p.index_bytes = index;
    auto outcomes = run_pipeline(db, m, small, files, p);
    ASSERT_EQ(outcomes.size(), files.size());
    EXPECT_NE(outcomes[2].error.find("injected failure"), std::string::npos);
    EXPECT_EQ(search_snapshot(db), search_snapshot(direct));
    EXPECT_NE(search_snapshot(db).find("d5:"), std::string::npos);
    for (const char* t : {"passages_fts", "passages_words"})
      db.exec(std::string("INSERT INTO ") + t + "(" + t + ", rank) VALUES ('integrity-check', 1)");
  }

  // Replacing the last document reuses its passage ids (deleted, then
  // inserted again, in one batch): still the same as the triggers.
  write_file(files[5], std::string(kText) + "第五篇改写：新增市场主体300家，地区生产总值再创新高。\n");
  Importer(direct, &m, {}).import_file(files[5]);
  auto db = open_database((dir / "piped16777216_1.db").string(), OpenMode::Existing);
  auto outcomes = run_pipeline(db, m, {}, {files[5]});
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].error, "");
  EXPECT_EQ(search_snapshot(db), search_snapshot(direct));
  for (const char* t : {"passages_fts", "passages_words"})
    db.exec(std::string("INSERT INTO ") + t + "(" + t + ", rank) VALUES ('integrity-check', 1)");
  // Outside an import, a passage is indexed as it is written.
  EXPECT_EQ(db.execAndGet("SELECT claimdb_fts_now()").getInt(), 1);
}

// FTS5's merge setting `key` of index `t`, as stored in the file.
long long fts_setting(SQLite::Database& db, const std::string& t, const char* key) {
  SQLite::Statement st(db, "SELECT v FROM " + t + "_config WHERE k = ?");
  st.bind(1, key);
  return st.executeStep() ? st.getColumn(0).getInt64() : -1;
}

long long segments(SQLite::Database& db, const std::string& t) {
  return db.execAndGet("SELECT count(DISTINCT segid) FROM " + t + "_idx").getInt64();
}

const char* const kIndexes[] = {"passages_fts", "passages_words", "passages_chars3"};

// The pipeline indexes batches with automerge off (that it is off after
// run() shows the batch indexing ran); finish() restores FTS5's defaults
// and merges: after a small import into a larger database, as automerge
// would have; after a large one, into one segment per index.
TEST(Importer, BatchIndexingMergesOnceWhenTheImportEnds) {
  TempDir dir;
  std::vector<std::string> many, few;
  for (int i = 0; i < 44; ++i) {
    auto& to = i < 40 ? many : few;  // few: under an eighth of the passages
    to.push_back(dir / ("d" + std::to_string(i) + ".txt"));
    write_file(to.back(), std::string(kText) + "第" + std::to_string(i) + "篇：新增市场主体" + std::to_string(100 + i) + "家。\n");
  }
  Manifest m = Manifest::parse("file,year,district,title\n", "m.csv");
  auto db = open_database((dir / "c.db").string(), OpenMode::Create);
  PipelineOptions p;
  p.batch_bytes = 1;  // a batch, and so at least one new segment, per document

  for (const auto* files : {&many, &few}) {
    SCOPED_TRACE(files->size());
    std::map<std::string, long long> before;
    {
      ImportPipeline pipe(db, &m, {}, p);
      pipe.run(*files, [](const FileOutcome& f) { EXPECT_EQ(f.error, ""); });
      for (const char* t : kIndexes) {
        EXPECT_EQ(fts_setting(db, t, "automerge"), 0) << t;
        EXPECT_EQ(fts_setting(db, t, "crisismerge"), 1000) << t;
        before[t] = segments(db, t);
        EXPECT_GE(before[t], static_cast<long long>(files->size())) << t;
      }
      pipe.finish();
    }
    for (const char* t : kIndexes) {
      EXPECT_EQ(fts_setting(db, t, "automerge"), 4) << t;
      EXPECT_EQ(fts_setting(db, t, "crisismerge"), 16) << t;
      EXPECT_EQ(fts_setting(db, t, "hashsize"), 1 << 20) << t;
      if (files == &many) {
        EXPECT_EQ(segments(db, t), 1) << t;  // optimized
      } else {
        // The first import's segment and four new ones on level 0: a level
        // of four or more is merged.
        EXPECT_LT(segments(db, t), before[t]) << t;
        EXPECT_GT(segments(db, t), 1) << t;  // merged, not optimized
      }
      db.exec(std::string("INSERT INTO ") + t + "(" + t + ", rank) VALUES ('integrity-check', 1)");
    }
  }
  SQLite::Statement hit(db, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '第43篇'");
  ASSERT_TRUE(hit.executeStep());
  EXPECT_EQ(hit.getColumn(0).getInt(), 1);
}

// The plan SQLite gives `sql` on `db`, its lines joined.
std::string plan(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement st(db, "EXPLAIN QUERY PLAN " + sql);
  std::string out;
  while (st.executeStep()) out += st.getColumn(3).getString() + "\n";
  return out;
}

TEST(Importer, AnImportThatOutgrowsTheStatisticsPlansWithoutThem) {
  TempDir dir;
  std::vector<std::string> first, grow, add;
  for (int i = 0; i < 12; ++i) {
    auto& to = i == 0 ? first : i < 11 ? grow : add;
    to.push_back(dir / ("d" + std::to_string(i) + ".txt"));
    write_file(to.back(), std::string(kText) + "第" + std::to_string(i) + "篇：新增市场主体" + std::to_string(100 + i) + "家。\n");
  }
  Manifest m = Manifest::parse("file,year,district,title\n", "m.csv");
  auto db = open_database((dir / "c.db").string(), OpenMode::Create);
  auto stats = [&] { return count(db, "sqlite_stat1"); };
  // FTS5 drops merged segments with this statement; on the statistics of a
  // one-file database it bounds the range below only and walks the rest.
  const std::string drop_segments = "DELETE FROM passages_fts_data WHERE id >= ?1 AND id <= ?2";
  const std::string bounded = "(rowid>? AND rowid<?)";
  {
    ImportPipeline pipe(db, &m, {}, {});
    pipe.run(first, [](const FileOutcome& f) { EXPECT_EQ(f.error, ""); });
    pipe.finish();
  }
  ASSERT_GT(stats(), 0);
  EXPECT_EQ(plan(db, drop_segments).find(bounded), std::string::npos) << plan(db, drop_segments);
  {
    // Ten times the stored text: the statistics go before anything is written.
    ImportPipeline pipe(db, &m, {}, {});
    pipe.run(grow, [](const FileOutcome& f) { EXPECT_EQ(f.error, ""); });
    EXPECT_EQ(stats(), 0);
    EXPECT_NE(plan(db, drop_segments).find(bounded), std::string::npos) << plan(db, drop_segments);
    pipe.finish();
  }
  ASSERT_GT(stats(), 0);  // analyzed again, for the database as it is now
  EXPECT_EQ(std::stoll(db.execAndGet("SELECT stat FROM sqlite_stat1 WHERE idx = 'claims_doc'").getString()),
            count(db, "claims"));
  {
    // A file added to eleven: the statistics still hold.
    ImportPipeline pipe(db, &m, {}, {});
    pipe.run(add, [](const FileOutcome& f) { EXPECT_EQ(f.error, ""); });
    EXPECT_GT(stats(), 0);
    pipe.finish();
  }
  EXPECT_EQ(count(db, "documents"), 12);
}

// The writer with hand-made claims: independent of what the extractor finds.
struct WriterTest : ::testing::Test {
  TempDir dir;
  SQLite::Database db = open_database((dir / "c.db").string(), OpenMode::Create);
  DocumentWriter writer{db};
  std::string body = "第一句有1170.1亿元。\n\n第二句新增35家。";
  std::u32string body32 = utf8_to_u32(body);
  std::vector<Passage> passages = {{0, 13, 0}, {15, 24, 1}};
  DocumentRecord doc() {
    DocumentRecord d;
    d.doc = "w";
    d.source_path = "w.txt";
    d.sha256 = "00";
    d.encoding = "UTF-8";
    d.body = body;
    return d;
  }
  Claim claim(size_t start, size_t end) {
    Claim c;
    c.span_start = start;
    c.span_end = end;
    c.quote = u32_to_utf8(std::u32string_view(body32).substr(start, end - start));
    return c;
  }
};

TEST_F(WriterTest, LinksClaimsToThePassageHoldingTheirStart) {
  Claim a = claim(4, 12);  // 1170.1亿元
  a.value = 1.1701e11;
  a.unit = "CNY";
  a.district_code = "330203";
  Claim b = claim(20, 23);  // 35家
  b.value = 35;
  b.unit = "家";
  writer.replace(doc(), body32, passages, {a, b});
  SQLite::Statement st(db, "SELECT c.quote, p.seq, c.unit, c.district_code, c.qualifier, c.modality FROM claims c JOIN passages p ON p.id = c.passage_id ORDER BY c.span_start");
  ASSERT_TRUE(st.executeStep());
  EXPECT_EQ(st.getColumn(0).getString(), "1170.1亿元");
  EXPECT_EQ(st.getColumn(1).getInt(), 0);
  EXPECT_EQ(st.getColumn(4).getString(), "exact");
  EXPECT_EQ(st.getColumn(5).getString(), "actual");
  ASSERT_TRUE(st.executeStep());
  EXPECT_EQ(st.getColumn(0).getString(), "35家");
  EXPECT_EQ(st.getColumn(1).getInt(), 1);
  EXPECT_TRUE(st.getColumn(3).isNull());  // empty code -> NULL
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM claims_flat c JOIN documents d USING (doc) WHERE substr(d.body, c.span_start + 1, c.span_end - c.span_start) = c.quote").getInt(), 2);
}

TEST_F(WriterTest, NestedPassagesLinkTheInnermost) {
  // A sentence [0, 24) interrupted by a caption [15, 24) that is a passage of its own.
  std::vector<Passage> nested = {{0, 24, 0}, {15, 24, 1}};
  writer.replace(doc(), body32, nested, {claim(4, 12), claim(20, 23)});
  SQLite::Statement st(db, "SELECT p.seq FROM claims c JOIN passages p ON p.id = c.passage_id ORDER BY c.span_start");
  ASSERT_TRUE(st.executeStep());
  EXPECT_EQ(st.getColumn(0).getInt(), 0);
  ASSERT_TRUE(st.executeStep());
  EXPECT_EQ(st.getColumn(0).getInt(), 1);
}

TEST_F(WriterTest, RejectsAQuoteThatIsNotTheText) {
  Claim c = claim(4, 12);
  c.quote = "1170亿元";
  EXPECT_THROW(writer.replace(doc(), body32, passages, {c}), StoreError);
  Claim out = claim(4, 12);
  out.span_end = 999;
  EXPECT_THROW(writer.replace(doc(), body32, passages, {out}), StoreError);
  EXPECT_EQ(count(db, "documents"), 0);
}

TEST_F(WriterTest, UnknownUnitCodeFailsAndRollsBack) {
  writer.replace(doc(), body32, passages, {});
  Claim c = claim(4, 12);
  c.unit = "亿元";  // not a canonical unit code
  try {
    writer.replace(doc(), body32, passages, {c});
    FAIL() << "expected a foreign key error";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("亿元"), std::string::npos) << e.what();
  }
  writer.reset();
  EXPECT_EQ(count(db, "documents"), 1);
  EXPECT_EQ(count(db, "passages"), 2);
  EXPECT_EQ(count(db, "claims"), 0);
}

}  // namespace
}  // namespace claimdb
