// Importing one file: bytes -> sha256 -> decode -> passages -> claims,
// handed to DocumentWriter, which replaces the stored version in one
// transaction. Everything that can fail on bad input runs before it.
#include <SQLiteCpp/Statement.h>

#include "claimdb/decode.h"
#include "claimdb/extractor.h"
#include "claimdb/passages.h"
#include "claimdb/store.h"
#include "store/context.h"
#include "store/writer.h"
#include "util/sha256.h"
#include "util/utf.h"

namespace claimdb {

namespace fs = std::filesystem;

struct Importer::Impl {
  SQLite::Database& db;
  const Manifest* manifest;
  ImportOptions options;
  Extractor extractor;  // loads its tables once for the whole run
  DocumentWriter writer{db};
  bool changed = false;

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
  FileImport r;
  r.doc = doc_key(file);
  DocumentRecord d;
  d.doc = r.doc;
  d.source_path = file.string();
  std::string bytes = read_file_bytes(file);
  r.bytes = d.byte_size = bytes.size();
  d.sha256 = sha256_hex(bytes);

  auto stored = writer.stored_sha256(r.doc);
  if (stored == d.sha256 && !options.force) return r;  // unchanged: nothing is written
  r.status = stored ? ImportStatus::Replaced : ImportStatus::New;

  DecodedText text = decode_bytes(bytes, file.string(), options.lossy);
  d.encoding = text.encoding;
  r.lossy = d.lossy = text.lossy;
  d.body = std::move(text.utf8);
  std::u32string body = utf8_to_u32(d.body);
  std::vector<Passage> passages = split_passages(body);

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
  ExtractResult found = extractor.extract(body, ctx);
  d.year = ctx.year ? ctx.year : found.doc_year;
  d.year_basis = ctx.year ? "manifest" : found.doc_year ? "inferred" : "none";

  writer.replace(d, body, passages, found.claims);
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
