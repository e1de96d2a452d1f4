// Importing one file: bytes -> sha256 -> decode -> passages -> claims,
// stored in one transaction that replaces the document's earlier version.
// All the work that can fail on bad input happens before the transaction.
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>

#include "claimdb/decode.h"
#include "claimdb/extractor.h"
#include "claimdb/passages.h"
#include "claimdb/store.h"
#include "store/context.h"
#include "util/sha256.h"
#include "util/utf.h"

namespace claimdb {

namespace fs = std::filesystem;

namespace {

void bind_text(SQLite::Statement& st, int i, const std::string& s) {
  if (s.empty())
    st.bind(i);  // NULL: unknown, so that analysts' IS NULL tests and foreign keys work
  else
    st.bind(i, s);
}
void bind_opt(SQLite::Statement& st, int i, const std::optional<double>& v) {
  if (v) st.bind(i, *v); else st.bind(i);
}
void bind_opt(SQLite::Statement& st, int i, const std::optional<int>& v) {
  if (v) st.bind(i, *v); else st.bind(i);
}

void run(SQLite::Statement& st) {
  st.exec();
  st.reset();
  st.clearBindings();
}

}  // namespace

struct Importer::Impl {
  SQLite::Database& db;
  const Manifest* manifest;
  ImportOptions options;
  Extractor extractor;
  bool changed = false;

  // Prepared once, reused for every file.
  SQLite::Statement find_doc{db, "SELECT sha256 FROM documents WHERE doc = ?"};
  SQLite::Statement del_claims{db, "DELETE FROM claims WHERE doc = ?"};
  SQLite::Statement del_passages{db, "DELETE FROM passages WHERE doc = ?"};
  SQLite::Statement del_doc{db, "DELETE FROM documents WHERE doc = ?"};
  SQLite::Statement ins_doc{db,
      "INSERT INTO documents (doc, title, year, year_basis, district, date, source, url, source_path, sha256,"
      " encoding, byte_size, lossy, imported_at, body)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)"};
  SQLite::Statement ins_passage{db,
      "INSERT INTO passages (doc, seq, paragraph, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?)"};
  SQLite::Statement ins_claim{db,
      "INSERT INTO claims (doc, passage_id, span_start, span_end, quote, value, unit, unit_dimension, qualifier,"
      " value_low, value_high, growth_pct, growth_pp, growth_basis, year, year_basis, period, district,"
      " district_code, indicator, indicator_code, modality, rank)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};

  Impl(SQLite::Database& d, const Manifest* m, ImportOptions o) : db(d), manifest(m), options(o) {}

  FileImport import(const fs::path& file);

  // After a failed step a statement must be reset before it can be bound again.
  void reset_all() {
    for (auto* st : {&find_doc, &del_claims, &del_passages, &del_doc, &ins_doc, &ins_passage, &ins_claim}) {
      st->tryReset();
      st->clearBindings();
    }
  }
};

Importer::Importer(SQLite::Database& db, const Manifest* manifest, ImportOptions options)
    : impl_(std::make_unique<Impl>(db, manifest, options)) {}
Importer::~Importer() = default;

FileImport Importer::import_file(const fs::path& file) {
  try {
    return impl_->import(file);
  } catch (const std::exception& e) {
    impl_->reset_all();
    // DecodeError and StoreError name the file already; SQLite's errors do not.
    throw StoreError(with_context(file.string(), e.what()));
  }
}

FileImport Importer::Impl::import(const fs::path& file) {
  FileImport r;
  r.doc = doc_key(file);
  std::string bytes = read_file_bytes(file);
  r.bytes = bytes.size();
  std::string sha = sha256_hex(bytes);

  find_doc.bind(1, r.doc);
  bool exists = find_doc.executeStep();
  bool same = exists && find_doc.getColumn(0).getString() == sha;
  find_doc.reset();
  if (same && !options.force) return r;  // Unchanged: nothing is written
  r.status = exists ? ImportStatus::Replaced : ImportStatus::New;

  DecodedText text = decode_bytes(bytes, file.string(), options.lossy);
  r.lossy = text.lossy;
  std::u32string body = utf8_to_u32(text.utf8);
  std::vector<Passage> passages = split_passages(body);

  const ManifestEntry* meta = manifest ? manifest->find(r.doc) : nullptr;
  DocContext ctx;
  if (meta) {
    ctx.year = meta->year;
    ctx.district = meta->district;
  }
  ExtractResult found = extractor.extract(body, ctx);

  std::optional<int> year = ctx.year ? ctx.year : found.doc_year;
  const char* year_basis = ctx.year ? "manifest" : found.doc_year ? "inferred" : "none";

  // The contract (CLAIM_MODEL.md): every span lies in the body and quotes it exactly.
  for (const Claim& c : found.claims) {
    if (c.span_start >= c.span_end || c.span_end > body.size())
      throw StoreError(file.string() + ": the extractor returned a claim with span [" + std::to_string(c.span_start) +
                       ", " + std::to_string(c.span_end) + ") outside the text (" + std::to_string(body.size()) +
                       " characters)");
    std::string there = u32_to_utf8(std::u32string_view(body).substr(c.span_start, c.span_end - c.span_start));
    if (there != c.quote)
      throw StoreError(file.string() + ": the extractor returned a claim quoting '" + c.quote + "' at [" +
                       std::to_string(c.span_start) + ", " + std::to_string(c.span_end) + ") where the text is '" +
                       there + "'");
  }

  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  for (auto* st : {&del_claims, &del_passages, &del_doc}) {
    st->bind(1, r.doc);
    run(*st);
  }

  int i = 1;
  ins_doc.bind(i++, r.doc);
  bind_text(ins_doc, i++, meta ? meta->title : "");
  bind_opt(ins_doc, i++, year);
  ins_doc.bind(i++, year_basis);
  bind_text(ins_doc, i++, meta ? meta->district : "");
  bind_text(ins_doc, i++, meta ? meta->date : "");
  bind_text(ins_doc, i++, meta ? meta->source : "");
  bind_text(ins_doc, i++, meta ? meta->url : "");
  ins_doc.bind(i++, file.string());
  ins_doc.bind(i++, sha);
  ins_doc.bind(i++, text.encoding);
  ins_doc.bind(i++, static_cast<int64_t>(bytes.size()));
  ins_doc.bind(i++, text.lossy ? 1 : 0);
  ins_doc.bind(i++, text.utf8);
  run(ins_doc);

  std::vector<int64_t> passage_ids;
  passage_ids.reserve(passages.size());
  for (size_t seq = 0; seq < passages.size(); ++seq) {
    const Passage& p = passages[seq];
    ins_passage.bind(1, r.doc);
    ins_passage.bind(2, static_cast<int64_t>(seq));
    ins_passage.bind(3, static_cast<int64_t>(p.paragraph));
    ins_passage.bind(4, static_cast<int64_t>(p.start));
    ins_passage.bind(5, static_cast<int64_t>(p.end));
    ins_passage.bind(6, u32_to_utf8(std::u32string_view(body).substr(p.start, p.end - p.start)));
    run(ins_passage);
    passage_ids.push_back(db.getLastInsertRowid());
  }

  for (const Claim& c : found.claims) {
    // The passage holding span_start: the last one starting at or before it, if it reaches that far.
    auto it = std::upper_bound(passages.begin(), passages.end(), c.span_start,
                               [](size_t pos, const Passage& p) { return pos < p.start; });
    std::optional<int64_t> passage_id;
    if (it != passages.begin() && c.span_start < std::prev(it)->end)
      passage_id = passage_ids[std::prev(it) - passages.begin()];

    i = 1;
    ins_claim.bind(i++, r.doc);
    if (passage_id) ins_claim.bind(i++, *passage_id); else ins_claim.bind(i++);
    ins_claim.bind(i++, static_cast<int64_t>(c.span_start));
    ins_claim.bind(i++, static_cast<int64_t>(c.span_end));
    ins_claim.bind(i++, c.quote);
    bind_opt(ins_claim, i++, c.value);
    bind_text(ins_claim, i++, c.unit);
    bind_text(ins_claim, i++, c.unit_dimension);
    ins_claim.bind(i++, c.qualifier.empty() ? std::string("exact") : c.qualifier);
    bind_opt(ins_claim, i++, c.value_low);
    bind_opt(ins_claim, i++, c.value_high);
    bind_opt(ins_claim, i++, c.growth_pct);
    bind_opt(ins_claim, i++, c.growth_pp);
    bind_text(ins_claim, i++, c.growth_basis);
    bind_opt(ins_claim, i++, c.year);
    bind_text(ins_claim, i++, c.year_basis);
    bind_text(ins_claim, i++, c.period);
    bind_text(ins_claim, i++, c.district);
    bind_text(ins_claim, i++, c.district_code);
    bind_text(ins_claim, i++, c.indicator);
    bind_text(ins_claim, i++, c.indicator_code);
    ins_claim.bind(i++, c.modality.empty() ? std::string("actual") : c.modality);
    bind_text(ins_claim, i++, c.rank);
    try {
      run(ins_claim);
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_FOREIGNKEY)
        throw StoreError(file.string() + ": claim '" + c.quote + "' at " + std::to_string(c.span_start) +
                         " has a code that is not in the dimension tables (unit '" + c.unit + "', district_code '" +
                         c.district_code + "', indicator_code '" + c.indicator_code + "')");
      throw;
    }
  }

  tx.commit();
  changed = true;
  r.passages = passages.size();
  r.claims = found.claims.size();
  return r;
}

void Importer::finish() {
  SQLite::Database& db = impl_->db;
  if (impl_->changed) {
    // Merge the FTS index's segments and refresh the planner's statistics:
    // the database is read far more often than it is written.
    db.exec("INSERT INTO passages_fts(passages_fts) VALUES ('optimize')");
    db.exec("ANALYZE");
  }
  refresh_reports(db);
  db.exec("PRAGMA optimize");
}

}  // namespace claimdb
