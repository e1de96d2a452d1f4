// Importing files: bytes -> sha256 -> decode -> passages -> claims, checked
// and prepared (prepare_document), then written by DocumentWriter, which
// replaces the stored version. Everything that can fail on bad input runs
// before the database is touched. Importer does one file per call in its
// own transaction; ImportPipeline (store/importer.h) does the same work on
// a reader thread while the calling thread writes batches of documents.
#include "store/importer.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "claimdb/decode.h"
#include "claimdb/extractor.h"
#include "claimdb/passages.h"
#include "store/batch_fts.h"
#include "store/context.h"
#include "store/text_functions.h"
#include "store/writer.h"
#include "text/parts.h"
#include "text/word_segmenter.h"
#include "util/sha256.h"
#include "util/utf.h"

namespace claimdb {

namespace fs = std::filesystem;

namespace {

// What the database holds under a document key when the import starts.
struct StoredDoc {
  std::string sha256;
  size_t bytes = 0;  // its byte_size
};

// One file, or one part of a large file, between the reader and the writer.
struct Work {
  fs::path file;
  FileImport r;       // the file's totals so far (final in its last part)
  std::string error;  // set on the file's last Work when it failed
  std::optional<PreparedDocument> doc;  // set when something must be written
  bool more = false;                    // later parts of this file follow
  size_t stored_bytes = 0;              // byte_size of the stored version it replaces (0: none)

  // What holding it costs, roughly: its text and its segmented forms (the
  // body of a large file is shared by its parts and counted with the first).
  size_t bytes() const {
    if (!doc) return 0;
    size_t n = doc->head && doc->body ? doc->body->size() : 0;
    if (!doc->head && !doc->passage_bytes.empty()) n += doc->passage_bytes.back().second - doc->passage_bytes.front().first;
    for (const auto& s : doc->passage_words) n += s.size();
    for (const auto& s : doc->passage_chars) n += s.size();
    return n + doc->claims.size() * sizeof(Claim);
  }
};

bool is_space(char32_t c) {
  return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF;
}

bool only_whitespace(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();)
    if (!is_space(next_code_point(utf8, i))) return false;
  return true;
}

// Reads and prepares one file, handing each prepared part to `emit` (false:
// stop, the consumer is gone). A file is prepared in parts of at most about
// options.part_bytes of text, cut at paragraph breaks (text::part_end), so
// that a huge file is held once (its body) plus one part's passages, claims
// and UTF-32 copy, never several whole copies. `stored` is the sha256 the
// database holds for its key (if any); an unchanged file emits one Work
// without doc, before decoding. Throws (StoreError, DecodeError) on bad
// input, possibly after emitting earlier parts: the caller then emits the
// error for the same file, and the writer drops what it wrote of it.
void prepare_file(const fs::path& file, const std::optional<std::string>& stored, const Extractor& extractor,
                  const Manifest* manifest, const ImportOptions& options, bool presegment,
                  const std::function<bool()>& stopping, const std::function<bool(Work&&)>& emit) {
  FileImport r;
  r.doc = doc_key(file);
  DocumentRecord d;
  d.doc = r.doc;
  d.source_path = file.string();
  std::string bytes = read_file_bytes(file);
  r.bytes = d.byte_size = bytes.size();
  d.sha256 = sha256_hex(bytes);
  if (stored == d.sha256 && !options.force) {  // unchanged: nothing is written
    Work w;
    w.file = file;
    w.r = r;
    emit(std::move(w));
    return;
  }
  r.status = stored ? ImportStatus::Replaced : ImportStatus::New;

  DecodedText text = decode_owned_bytes(std::move(bytes), file.string(), options.lossy);
  std::string().swap(bytes);  // whatever decoding left of the raw bytes
  d.encoding = text.encoding;
  r.lossy = d.lossy = text.lossy;
  auto body = std::make_shared<const std::string>(std::move(text.utf8));
  // A file with no text is a mistake (a failed download, a wrong path), not a document.
  if (only_whitespace(*body))
    throw StoreError(file.string() + (body->empty() ? ": empty file (no text to import)"
                                                    : ": only whitespace (no text to import)"));

  DocContext ctx;
  if (const ManifestEntry* m = manifest ? manifest->find(r.doc) : nullptr) {
    ctx.year = m->year;
    ctx.district = m->district;
    d.title = m->title;
    d.district = m->district;
    d.date = m->date;
    d.source = m->source;
    d.url = m->url;
  }

  size_t byte_begin = 0, cp_begin = 0, seq = 0, paragraph = 0;
  while (byte_begin < body->size()) {
    const size_t byte_end = text::part_end(*body, byte_begin, options.part_bytes);
    const bool head = byte_begin == 0, last = byte_end == body->size();
    if (!head && stopping())
      throw StoreError(file.string() + ": interrupted before its end; not imported");
    std::u32string part = utf8_to_u32(std::string_view(*body).substr(byte_begin, byte_end - byte_begin));
    std::vector<Passage> passages = split_passages(part);
    size_t paragraphs = 0;
    for (Passage& p : passages) {
      paragraphs = std::max(paragraphs, p.paragraph + 1);
      p.paragraph += paragraph;
    }
    ExtractResult found = extractor.extract(part, ctx);
    if (head) {
      d.year = ctx.year ? ctx.year : found.doc_year;
      d.year_basis = ctx.year ? "manifest" : found.doc_year ? "inferred" : "none";
      // Later parts resolve relative time words against the same year.
      if (!ctx.year) ctx.year = found.doc_year;
    }
    r.passages += passages.size();
    r.claims += found.claims.size();
    DocumentRecord row;  // later parts need only the key and path (d has moved into the head)
    row.doc = r.doc;
    row.source_path = file.string();
    Work w;
    w.file = file;
    w.r = r;
    w.more = !last;
    w.doc = prepare_part(head ? std::move(d) : std::move(row), body, byte_begin, byte_end, cp_begin, part,
                         std::move(passages), std::move(found.claims));
    w.doc->head = head;
    w.doc->first_seq = seq;
    seq += w.doc->passages.size();
    if (presegment) {
      // What the word index's triggers will ask claimdb_words()/claimdb_chars()
      // for, computed here instead of on the single writer thread.
      PreparedDocument& p = *w.doc;
      p.passage_words.reserve(p.passages.size());
      p.passage_chars.reserve(p.passages.size());
      for (auto [b, e] : p.passage_bytes) {
        std::string_view t = std::string_view(*body).substr(b, e - b);
        text::SegmentedForms f = text::segmented_forms(t);
        p.passage_words.push_back(std::move(f.words));
        p.passage_chars.push_back(std::move(f.chars));
      }
    }
    if (!emit(std::move(w))) return;
    cp_begin += part.size();
    paragraph += paragraphs;
    byte_begin = byte_end;
  }
}

// The passage being inserted and its precomputed segmentation, read by the
// claimdb_words()/claimdb_chars() that ImportPipeline registers on its
// connection: they return the precomputed text when their argument is that
// passage's text (compared byte for byte) and compute it otherwise, so the
// results are exactly those of the functions they stand in for.
struct Presegmented {
  std::string_view text;
  const std::string* words = nullptr;
  const std::string* chars = nullptr;
};

template <bool Words>
void presegmented_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  const auto* p = static_cast<const Presegmented*>(sqlite3_user_data(ctx));
  const char* s = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  std::string_view arg(s ? s : "", static_cast<size_t>(sqlite3_value_bytes(argv[0])));
  const std::string* pre = Words ? p->words : p->chars;
  if (pre && arg == p->text) {
    sqlite3_result_text(ctx, pre->data(), static_cast<int>(pre->size()), SQLITE_TRANSIENT);
    return;
  }
  try {
    std::string out = Words ? text::segmented_words(arg) : text::segmented_chars(arg);
    sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

// Whether a trigger of the schema calls `call`: which of the schema's
// mechanisms a database has (a test may open one without every migration).
bool a_trigger_calls(SQLite::Database& db, const std::string& call) {
  SQLite::Statement st(db, "SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND instr(sql, ?) > 0 LIMIT 1");
  st.bind(1, call);
  return st.executeStep();
}

// After an import: merge the FTS indexes' segments and refresh the planner's
// statistics when something changed (the database is read far more often
// than it is written), then the report tables unless they are current (an
// import of unchanged files then costs reading and hashing them).
void finish_import(SQLite::Database& db, bool changed, size_t passages_written, bool stats_dropped = false) {
  if (changed) {
    // Merging each full-text index into one segment rewrites all of it
    // (about a fifth of the import's time: the import merged nothing while
    // it wrote, see BatchFts::index), and a search then probes one
    // segment per term instead of dozens (200 MB of text: 2-8 ms less per
    // search). Worth it after an import that wrote a good share of the
    // passages; after a few files added to a large database, the merges
    // FTS5's automerge would have made while they were written.
    const int64_t stored = db.execAndGet("SELECT coalesce(max(id), 0) FROM passages").getInt64();
    settle_fts(db, static_cast<int64_t>(passages_written) * 8 >= stored);
  }
  // (also when an import dropped stale statistics and then wrote nothing)
  if (changed || stats_dropped) {
    // Statistics from a sample of each index (SQLite's advice for ANALYZE
    // on large databases): a full ANALYZE reads every index, 10 s on 2 GB.
    db.exec("PRAGMA analysis_limit = 1000");
    db.exec("ANALYZE");
    db.exec("PRAGMA analysis_limit = 0");
  }
  if (changed || !reports_current(db)) refresh_reports(db);
  db.exec("PRAGMA optimize");
}

// The planner's statistics (sqlite_stat1, written by ANALYZE at the end of
// the last import) describe the database as it was then. When an import
// will more than double the text stored, they describe a small database,
// and the plans they give for a large one scan whole tables: FTS5's own
// "DELETE FROM %_data WHERE id>=? AND id<=?" uses only the lower bound on
// a %_data of a few rows, so merging the indexes at the end walks the rest
// of the table for every segment it drops (importing 25 MB of text after
// the 4 sample files took 30% longer than into a new database; a stored
// `passages` of one row turns the writer's per-document DELETE into a
// scan). Without statistics SQLite assumes large tables and uses the
// indexes; finish_import() analyzes again. Returns whether it dropped them.
bool drop_stale_statistics(SQLite::Database& db, const std::vector<std::string>& files,
                           const std::unordered_map<std::string, StoredDoc>& stored) {
  if (!db.tableExists("sqlite_stat1") || !db.execAndGet("SELECT count(*) FROM sqlite_stat1").getInt64()) return false;
  size_t stored_bytes = 0, new_bytes = 0;
  for (const auto& [doc, s] : stored) stored_bytes += s.bytes;
  for (const std::string& f : files) {
    std::error_code ec;
    const auto n = fs::file_size(f, ec);
    if (!ec && !stored.count(doc_key(f))) new_bytes += n;
  }
  if (new_bytes <= stored_bytes) return false;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec("DELETE FROM sqlite_stat1");
  if (db.tableExists("sqlite_stat4")) db.exec("DELETE FROM sqlite_stat4");
  tx.commit();
  // Reload the schema: `ANALYZE sqlite_schema` would reload the statistics
  // but keep the row counts of tables with no index (FTS5's %_data) as they
  // were. The connection's statements are prepared again on their next step.
  db.exec("PRAGMA writable_schema = RESET");
  return true;
}

// A queue between one producer and one consumer that holds at most `cap`
// bytes of work (Work::bytes), and always at least one item.
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t cap) : cap_(cap) {}
  // False when the consumer cancelled (the item is dropped).
  bool push(Work w) {
    const size_t n = w.bytes();
    std::unique_lock lock(m_);
    not_full_.wait(lock, [&] { return q_.empty() || held_ + n <= cap_ || cancelled_; });
    if (cancelled_) return false;
    held_ += n;
    q_.push_back(std::move(w));
    not_empty_.notify_one();
    return true;
  }
  // Nothing when the producer closed the queue and it is empty.
  std::optional<Work> pop() {
    std::unique_lock lock(m_);
    not_empty_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return std::nullopt;
    Work w = std::move(q_.front());
    q_.pop_front();
    held_ -= w.bytes();
    not_full_.notify_one();
    return w;
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    not_empty_.notify_all();
  }
  void cancel() {
    std::lock_guard lock(m_);
    cancelled_ = true;
    q_.clear();
    not_full_.notify_all();
  }
  bool cancelled() {
    std::lock_guard lock(m_);
    return cancelled_;
  }

 private:
  std::mutex m_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Work> q_;
  size_t cap_, held_ = 0;
  bool closed_ = false, cancelled_ = false;
};

}  // namespace

// ---------------------------------------------------------------- Importer

struct Importer::Impl {
  SQLite::Database& db;
  const Manifest* manifest;
  ImportOptions options;
  Extractor extractor;  // loads its tables once for the whole run
  DocumentWriter writer{db};
  bool changed = false;
  size_t passages_written = 0;

  Impl(SQLite::Database& d, const Manifest* m, ImportOptions o) : db(d), manifest(m), options(o) {}
  FileImport import(const fs::path& file);
};

Importer::Importer(SQLite::Database& db, const Manifest* manifest, ImportOptions options)
    : impl_(std::make_unique<Impl>(db, manifest, options)) {}
Importer::~Importer() = default;

FileImport Importer::import_file(const fs::path& file) {
  try {
    return impl_->import(file);
  } catch (const std::exception& e) {
    impl_->writer.reset();
    // DecodeError and StoreError name the file already; SQLite's errors do not.
    throw StoreError(with_context(file.string(), e.what()));
  }
}

FileImport Importer::Impl::import(const fs::path& file) {
  std::optional<SQLite::Transaction> tx;
  FileImport r;
  prepare_file(file, writer.stored_sha256(doc_key(file)), extractor, manifest, options, false,
               [] { return false; }, [&](Work&& w) {
                 r = w.r;
                 if (!w.doc) return true;
                 if (!tx) {
                   tx.emplace(db, SQLite::TransactionBehavior::IMMEDIATE);
                   mark_reports_stale(db);
                 }
                 writer.write(*w.doc);
                 return true;
               });
  if (tx) {
    tx->commit();
    changed = true;
    passages_written += r.passages;
  }
  return r;
}

void Importer::finish() { finish_import(impl_->db, impl_->changed, impl_->passages_written); }

// ---------------------------------------------------------------- ImportPipeline

struct ImportPipeline::Impl {
  SQLite::Database& db;
  const Manifest* manifest;
  ImportOptions options;
  PipelineOptions pipe;
  Extractor extractor;  // immutable: the reader thread uses it
  DocumentWriter writer{db};
  bool changed = false;
  bool stats_dropped = false;   // drop_stale_statistics() did: finish() analyzes whatever happened
  size_t passages_written = 0;  // by committed batches
  bool presegment = false;  // the schema's word index segments passages (schema/002)
  int temp_store = 0;       // the connection's setting before the pipeline (restored after run())
  Presegmented preseg;
  std::optional<BatchFts> fts;  // the batch's passages, indexed before it commits

  Impl(SQLite::Database& d, const Manifest* m, ImportOptions o, PipelineOptions p)
      : db(d), manifest(m), options(o), pipe(p) {}
  bool stopping() const { return pipe.stop && pipe.stop->load(); }
  void restore_temp_store() {
    const std::string sql = "PRAGMA temp_store = " + std::to_string(temp_store);
    sqlite3_exec(db.getHandle(), sql.c_str(), nullptr, nullptr, nullptr);
  }
  void read_all(const std::vector<std::string>& files, const std::unordered_map<std::string, StoredDoc>& stored,
                BoundedQueue& q);
};

ImportPipeline::ImportPipeline(SQLite::Database& db, const Manifest* manifest, ImportOptions options,
                               PipelineOptions pipeline)
    : impl_(std::make_unique<Impl>(db, manifest, options, pipeline)) {
  // Connection settings for the import (not stored in the file): a 32 MiB
  // page cache keeps a batch's b-tree and FTS pages in memory instead of
  // spilling them mid-transaction (2 MiB by default; 64 MiB was no faster
  // on 200 MB of text and held 35 MB more). temp_store is the caller's
  // outside run()'s batches (see there): the report refresh of the finish
  // sorts millions of rows, which must not be held in memory. The journal
  // stays DELETE and synchronous stays FULL: batching makes commits rare, so
  // the safe settings cost nothing measurable.
  db.exec("PRAGMA cache_size = -32768");

  Impl& m = *impl_;
  m.temp_store = db.execAndGet("PRAGMA temp_store").getInt();
  m.fts.emplace(db, a_trigger_calls(db, "claimdb_fts_now()"));
  m.writer.written_passages = m.fts->sink();
  m.presegment = a_trigger_calls(db, "claimdb_words(");
  if (m.presegment) {
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3* h = db.getHandle();
    if (sqlite3_create_function(h, "claimdb_words", 1, flags, &m.preseg, presegmented_function<true>, nullptr,
                                nullptr) != SQLITE_OK ||
        sqlite3_create_function(h, "claimdb_chars", 1, flags, &m.preseg, presegmented_function<false>, nullptr,
                                nullptr) != SQLITE_OK)
      throw StoreError(db.getFilename() + ": cannot register SQL functions");
    m.writer.before_passage = [&m](const PreparedDocument& p, size_t seq) {
      if (p.passage_words.size() != p.passages.size()) {
        m.preseg = Presegmented{};
        return;
      }
      auto [b, e] = p.passage_bytes[seq];
      m.preseg.text = std::string_view(*p.body).substr(b, e - b);
      m.preseg.words = &p.passage_words[seq];
      m.preseg.chars = &p.passage_chars[seq];
    };
  }
}

ImportPipeline::~ImportPipeline() {
  // The connection outlives the pipeline: give it back the plain functions
  // and its temporary storage (run() may have ended by an exception).
  if (impl_->presegment) register_text_functions(impl_->db.getHandle());
  impl_->restore_temp_store();
}

void ImportPipeline::Impl::read_all(const std::vector<std::string>& files,
                                    const std::unordered_map<std::string, StoredDoc>& stored, BoundedQueue& q) {
  std::unordered_map<std::string, size_t> seen;  // doc key -> the index of the file that had it
  for (size_t i = 0; i < files.size(); ++i) {
    if (stopping() || q.cancelled()) break;
    const fs::path file(files[i]);
    bool pushed = true;
    try {
      std::string doc = doc_key(file);
      auto [it, fresh] = seen.emplace(doc, i);
      if (!fresh)
        throw StoreError(file.string() + ": has the same document key '" + doc + "' as " + files[it->second] +
                         " (documents are keyed by file name without extension)");
      auto s = stored.find(doc);
      const bool known = s != stored.end();
      prepare_file(file, known ? std::optional<std::string>(s->second.sha256) : std::nullopt, extractor, manifest,
                   options, presegment, [this] { return stopping(); }, [&](Work&& w) {
                     w.stored_bytes = known ? s->second.bytes : 0;
                     return pushed = q.push(std::move(w));
                   });
    } catch (const std::exception& e) {
      Work w;
      w.file = file;
      w.r.doc = doc_key(file);
      w.error = with_context(file.string(), e.what());
      pushed = q.push(std::move(w));
    }
    if (!pushed) break;
  }
  q.close();
}

bool ImportPipeline::run(const std::vector<std::string>& files, const std::function<void(const FileOutcome&)>& on_done) {
  Impl& m = *impl_;
  // The hashes stored now, so the reader skips unchanged files without the database.
  std::unordered_map<std::string, StoredDoc> stored;
  {
    SQLite::Statement st(m.db, "SELECT doc, sha256, byte_size FROM documents");
    while (st.executeStep())
      stored.emplace(st.getColumn(0).getString(),
                     StoredDoc{st.getColumn(1).getString(), static_cast<size_t>(st.getColumn(2).getInt64())});
  }
  if (drop_stale_statistics(m.db, files, stored)) m.stats_dropped = true;

  BoundedQueue q(m.pipe.queue_bytes);
  std::thread reader([&] { m.read_all(files, stored, q); });
  struct Join {  // whatever happens below, the reader stops before we return
    BoundedQueue& q;
    std::thread& t;
    ~Join() {
      q.cancel();
      t.join();
    }
  } join{q, reader};

  sqlite3* h = m.db.getHandle();
  bool in_tx = false;
  size_t batch_bytes = 0;
  auto batch_start = std::chrono::steady_clock::now();
  std::vector<FileOutcome> pending;  // done in the open batch, reported at commit
  auto fail_batch = [&](const std::string& why) {
    for (auto& o : pending)
      if (o.error.empty() && o.result.status != ImportStatus::Unchanged)
        o.error = with_context(o.file.string(), "not imported: its batch was rolled back: " + why);
  };
  size_t unindexed = 0;  // bytes of the files written since the last m.fts->index()
  // Indexes the batch's passages and, when `end`, commits it and reports its
  // files; on an error the batch is rolled back and they are reported failed.
  auto index_or_commit = [&](bool end) {
    if (in_tx) {
      try {
        m.fts->index();
        unindexed = 0;
        if (end) m.db.exec("COMMIT");
      } catch (const std::exception& e) {
        m.fts->clear();
        if (!sqlite3_get_autocommit(h)) sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
        fail_batch(e.what());
        end = true;
      }
      if (end) in_tx = false;
    }
    if (!end) return;
    batch_bytes = unindexed = 0;
    for (const auto& o : pending) {
      if (o.error.empty()) m.passages_written += o.result.passages;
      on_done(o);
    }
    pending.clear();
  };
  auto commit = [&] { index_or_commit(true); };

  // Every document is written inside a savepoint, so that a failed one is
  // rolled back alone. SQLite copies to a statement journal each page that
  // a savepoint changes after an earlier document of the same transaction
  // changed or created it: a few hundred pages per document here (claims go
  // into eight indexes at random places), which on disk cost a pwrite each
  // (a million for 20 MB of text, a fifth of the import). With temp_store =
  // MEMORY the journal is a heap buffer that is emptied when the document's
  // savepoint is released, so it is bounded by what one document changes:
  // what it writes and what it deletes of the version it replaces. The setting holds from BEGIN to COMMIT, so a batch
  // begins in memory only if its first file (and the stored version) is
  // small, and a large one commits a batch that did. temp_store is restored
  // before the import's finish, whose sorts must not be held in memory.
  auto small = [&](const Work& w) { return std::max(w.r.bytes, w.stored_bytes) <= m.pipe.memory_journal_bytes; };
  bool journal_in_memory = false;
  auto begin = [&](const Work& first) {
    journal_in_memory = small(first);
    const std::string store = journal_in_memory ? "MEMORY" : std::to_string(m.temp_store);
    m.db.exec("PRAGMA temp_store = " + store);
    m.db.exec("BEGIN IMMEDIATE");
    in_tx = true;
    mark_reports_stale(m.db);
    batch_start = std::chrono::steady_clock::now();
  };

  // A file written in parts keeps its savepoint open from its first part to
  // its last, and no commit happens in between: the database only ever
  // holds whole documents.
  bool doc_open = false;
  size_t doc_passages = 0;  // m.fts->mark() when the open document began
  std::optional<fs::path> dropped;  // a file whose write failed: its remaining parts are skipped
  // Rolls back to the open document's savepoint; when SQLite has already
  // rolled the whole transaction back (I/O error, disk full), the batch is lost.
  auto drop_doc = [&](const fs::path& file) {
    doc_open = false;
    m.preseg = Presegmented{};
    m.writer.reset();
    if (!sqlite3_get_autocommit(h)) {
      sqlite3_exec(h, "ROLLBACK TO doc", nullptr, nullptr, nullptr);
      sqlite3_exec(h, "RELEASE doc", nullptr, nullptr, nullptr);
      m.fts->forget(doc_passages);
      return;
    }
    in_tx = false;
    m.fts->clear();
    fail_batch(std::string("after an error in ") + file.string());
  };

  while (auto w = q.pop()) {
    const bool continuation = w->doc && !w->doc->head;
    if (dropped && *dropped == w->file && (continuation || !w->error.empty())) continue;
    dropped.reset();
    if (doc_open && !continuation) {
      // The reader failed (or was interrupted) in the middle of this file and
      // sent its error instead of the next part: drop what was written of it.
      drop_doc(w->file);
    }
    FileOutcome o{w->file, w->r, w->error};
    if (o.error.empty() && w->doc && w->doc->head && in_tx && journal_in_memory && !small(*w)) commit();
    if (o.error.empty() && w->doc) {
      try {
        if (!in_tx) begin(*w);
        if (w->doc->head) {
          m.db.exec("SAVEPOINT doc");
          doc_passages = m.fts->mark();
        }
        try {
          m.writer.write(*w->doc);
          m.preseg = Presegmented{};  // nothing may point into a freed document
          if (!w->more) m.db.exec("RELEASE doc");
          doc_open = w->more;
        } catch (...) {
          if (w->more) dropped = w->file;
          drop_doc(o.file);
          throw;
        }
        m.changed = true;
        if (!doc_open) {
          batch_bytes += o.result.bytes;
          unindexed += o.result.bytes;
        }
      } catch (const std::exception& e) {
        o.error = with_context(o.file.string(), e.what());
      }
    }
    if (doc_open && m.stopping()) {
      // Interrupted inside a large file: drop it now rather than write the rest.
      drop_doc(o.file);
      o.error = with_context(o.file.string(), "interrupted before its end; not imported");
    }
    if (!doc_open) pending.push_back(std::move(o));  // a file is reported once, after its last part
    w.reset();  // the part is written: free it before waiting for the next
    if (doc_open) continue;
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - batch_start).count();
    if (!in_tx || batch_bytes >= m.pipe.batch_bytes || secs >= m.pipe.batch_seconds)
      commit();
    else if (unindexed >= m.pipe.index_bytes)
      index_or_commit(false);  // between documents: no document savepoint is open
    if (m.stopping()) break;
  }
  // The reader stopped inside a file (it never does without sending an error).
  if (doc_open) drop_doc("an unfinished document");
  commit();
  m.restore_temp_store();
  return !m.stopping();
}

void ImportPipeline::finish() {
  // The finish reads the whole database once (ANALYZE, report tables); a
  // sort spills to disk beyond cache_size, so a smaller cache bounds memory.
  impl_->db.exec("PRAGMA cache_size = -16384");
  finish_import(impl_->db, impl_->changed, impl_->passages_written, impl_->stats_dropped);
  impl_->db.exec("PRAGMA cache_size = -2000");  // SQLite's default again
}

}  // namespace claimdb
