#include "store/writer.h"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>

#include "claimdb/store.h"
#include "util/utf.h"

namespace claimdb {

namespace {

void bind_text(SQLite::Statement& st, int i, const std::string& s) {
  if (s.empty())
    st.bind(i);  // NULL: unknown, so that IS NULL tests and foreign keys work
  else
    st.bind(i, s);
}
void bind_opt(SQLite::Statement& st, int i, const std::optional<double>& v) {
  if (v) st.bind(i, *v); else st.bind(i);
}
void bind_opt(SQLite::Statement& st, int i, const std::optional<int>& v) {
  if (v) st.bind(i, *v); else st.bind(i);
}
void bind_size(SQLite::Statement& st, int i, size_t v) { st.bind(i, static_cast<int64_t>(v)); }

void run(SQLite::Statement& st) {
  st.exec();
  st.reset();
  st.clearBindings();
}

std::string span_text(const Claim& c) {
  std::string out(1, '[');
  out.append(std::to_string(c.span_start)).append(", ").append(std::to_string(c.span_end)).push_back(')');
  return out;
}

// Index of the passage holding code point `pos`. Passages are in start
// order but may nest (a caption inside the sentence it interrupted): the
// innermost one wins. Scans back from the last passage starting at or before pos.
std::optional<size_t> passage_holding(const std::vector<Passage>& passages, size_t pos) {
  auto it = std::upper_bound(passages.begin(), passages.end(), pos,
                             [](size_t v, const Passage& p) { return v < p.start; });
  std::optional<size_t> best;
  for (size_t k = it - passages.begin(); k-- > 0;) {
    const Passage& p = passages[k];
    if (pos < p.end && (!best || p.end - p.start < passages[*best].end - passages[*best].start)) best = k;
  }
  return best;
}

}  // namespace

DocumentWriter::DocumentWriter(SQLite::Database& db)
    : db_(db),
      find_doc_(db, "SELECT sha256 FROM documents WHERE doc = ?"),
      del_claims_(db, "DELETE FROM claims WHERE doc = ?"),
      del_passages_(db, "DELETE FROM passages WHERE doc = ?"),
      del_doc_(db, "DELETE FROM documents WHERE doc = ?"),
      ins_doc_(db,
               "INSERT INTO documents (doc, title, year, year_basis, district, date, source, url, source_path,"
               " sha256, encoding, byte_size, lossy, imported_at, body)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)"),
      ins_claim_(db,
                 "INSERT INTO claims (doc, passage_id, span_start, span_end, quote, value, unit, unit_dimension,"
                 " qualifier, value_low, value_high, growth_pct, growth_pp, growth_basis, year, year_basis, period,"
                 " district, district_code, indicator, indicator_code, modality, rank)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      ins_passage_raw_(nullptr, sqlite3_finalize) {
  sqlite3_stmt* st = nullptr;
  const char* sql = "INSERT INTO passages (doc, seq, paragraph, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?)";
  if (sqlite3_prepare_v3(db.getHandle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
    throw StoreError(std::string("preparing the passage insert: ") + sqlite3_errmsg(db.getHandle()));
  ins_passage_raw_.reset(st);
}

void DocumentWriter::reset() {
  // tryReset(): reset() would rethrow the error of the failed step.
  for (auto* st : {&find_doc_, &del_claims_, &del_passages_, &del_doc_, &ins_doc_, &ins_claim_}) {
    st->tryReset();
    st->clearBindings();
  }
  sqlite3_reset(ins_passage_raw_.get());
  sqlite3_clear_bindings(ins_passage_raw_.get());
}

std::optional<std::string> DocumentWriter::stored_sha256(const std::string& doc) {
  find_doc_.bind(1, doc);
  std::optional<std::string> sha;
  if (find_doc_.executeStep()) sha = find_doc_.getColumn(0).getString();
  find_doc_.reset();
  return sha;
}

static size_t utf8_len(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

PreparedDocument prepare_part(DocumentRecord d, std::shared_ptr<const std::string> body, size_t byte_begin,
                              size_t byte_end, size_t cp_begin, std::u32string_view part,
                              std::vector<Passage> passages, std::vector<Claim> claims) {
  const std::string& file = d.source_path;
  // The contract (CLAIM_MODEL.md): every span lies in the body and quotes it exactly.
  for (const Claim& c : claims) {
    if (c.span_start >= c.span_end || c.span_end > part.size())
      throw StoreError(file + ": the extractor returned a claim with span " + span_text(c) + " outside the text (" +
                       std::to_string(part.size()) + " characters)");
    std::string there = u32_to_utf8(part.substr(c.span_start, c.span_end - c.span_start));
    if (there != c.quote)
      throw StoreError(file + ": the extractor returned a claim quoting '" + c.quote + "' at " + span_text(c) +
                       " where the text is '" + there + "'");
  }
  for (const Passage& p : passages)
    if (p.start >= p.end || p.end > part.size())
      throw StoreError(file + ": passage [" + std::to_string(p.start) + ", " + std::to_string(p.end) +
                       ") lies outside the text");

  PreparedDocument out;
  // Byte offset in the body of every code point of the part.
  std::vector<size_t> at(part.size() + 1);
  size_t b = byte_begin;
  for (size_t k = 0; k < part.size(); ++k) {
    at[k] = b;
    b += utf8_len(part[k]);
  }
  at[part.size()] = b;
  if (b != byte_end || byte_end > body->size())
    throw StoreError(file + ": the body's UTF-8 (bytes " + std::to_string(byte_begin) + " to " +
                     std::to_string(byte_end) + ") does not match its " + std::to_string(part.size()) +
                     " code points");
  out.passage_bytes.reserve(passages.size());
  for (const Passage& p : passages) out.passage_bytes.emplace_back(at[p.start], at[p.end]);
  out.claim_passage.reserve(claims.size());
  for (const Claim& c : claims) out.claim_passage.push_back(passage_holding(passages, c.span_start));
  for (Passage& p : passages) {
    p.start += cp_begin;
    p.end += cp_begin;
  }
  for (Claim& c : claims) {
    c.span_start += cp_begin;
    c.span_end += cp_begin;
  }
  out.d = std::move(d);
  out.body = std::move(body);
  out.passages = std::move(passages);
  out.claims = std::move(claims);
  return out;
}

PreparedDocument prepare_document(DocumentRecord d, std::u32string_view body32, std::vector<Passage> passages,
                                  std::vector<Claim> claims) {
  auto body = std::make_shared<const std::string>(std::move(d.body));
  d.body.clear();
  const size_t n = body->size();
  return prepare_part(std::move(d), std::move(body), 0, n, 0, body32, std::move(passages), std::move(claims));
}

void DocumentWriter::replace(const DocumentRecord& d, std::u32string_view body, const std::vector<Passage>& passages,
                             const std::vector<Claim>& claims) {
  PreparedDocument p = prepare_document(d, body, passages, claims);
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  write(p);
  tx.commit();
}

void DocumentWriter::write(const PreparedDocument& p) {
  const DocumentRecord& d = p.d;
  const std::string& file = d.source_path;
  const std::string& body = *p.body;
  int i = 1;
  if (p.head) {
    for (auto* st : {&del_claims_, &del_passages_, &del_doc_}) {
      st->bind(1, d.doc);
      run(*st);
    }
    ins_doc_.bind(i++, d.doc);
    bind_text(ins_doc_, i++, d.title);
    bind_opt(ins_doc_, i++, d.year);
    ins_doc_.bind(i++, d.year_basis);
    bind_text(ins_doc_, i++, d.district);
    bind_text(ins_doc_, i++, d.date);
    bind_text(ins_doc_, i++, d.source);
    bind_text(ins_doc_, i++, d.url);
    ins_doc_.bind(i++, d.source_path);
    ins_doc_.bind(i++, d.sha256);
    ins_doc_.bind(i++, d.encoding);
    bind_size(ins_doc_, i++, d.byte_size);
    ins_doc_.bind(i++, d.lossy ? 1 : 0);
    ins_doc_.bindNoCopy(i++, body);  // p outlives the statement's execution
    run(ins_doc_);
  }

  std::vector<int64_t> passage_ids;
  passage_ids.reserve(p.passages.size());
  sqlite3_stmt* st = ins_passage_raw_.get();
  sqlite3* h = db_.getHandle();
  for (size_t seq = 0; seq < p.passages.size(); ++seq) {
    const Passage& ps = p.passages[seq];
    // The passage's text is a slice of the body: bound in place, not copied.
    auto [b, e] = p.passage_bytes[seq];
    int rc = sqlite3_bind_text(st, 1, d.doc.data(), static_cast<int>(d.doc.size()), SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, static_cast<sqlite3_int64>(p.first_seq + seq));
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 3, static_cast<sqlite3_int64>(ps.paragraph));
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 4, static_cast<sqlite3_int64>(ps.start));
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 5, static_cast<sqlite3_int64>(ps.end));
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 6, body.data() + b, static_cast<int>(e - b), SQLITE_STATIC);
    if (rc == SQLITE_OK && before_passage) before_passage(p, seq);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
      int ext = sqlite3_extended_errcode(h);
      std::string msg = sqlite3_errmsg(h);
      sqlite3_reset(st);
      throw SQLite::Exception(file + ": inserting passage " + std::to_string(p.first_seq + seq) + ": " + msg, ext);
    }
    sqlite3_reset(st);
    passage_ids.push_back(db_.getLastInsertRowid());
  }
  if (written_passages) written_passages->insert(written_passages->end(), passage_ids.begin(), passage_ids.end());

  for (size_t k = 0; k < p.claims.size(); ++k) {
    const Claim& c = p.claims[k];
    i = 1;
    ins_claim_.bindNoCopy(i++, d.doc);
    if (auto n = p.claim_passage[k])
      ins_claim_.bind(i++, passage_ids[*n]);
    else
      ins_claim_.bind(i++);
    bind_size(ins_claim_, i++, c.span_start);
    bind_size(ins_claim_, i++, c.span_end);
    ins_claim_.bindNoCopy(i++, c.quote);
    bind_opt(ins_claim_, i++, c.value);
    bind_text(ins_claim_, i++, c.unit);
    bind_text(ins_claim_, i++, c.unit_dimension);
    ins_claim_.bind(i++, c.qualifier.empty() ? std::string("exact") : c.qualifier);
    bind_opt(ins_claim_, i++, c.value_low);
    bind_opt(ins_claim_, i++, c.value_high);
    bind_opt(ins_claim_, i++, c.growth_pct);
    bind_opt(ins_claim_, i++, c.growth_pp);
    bind_text(ins_claim_, i++, c.growth_basis);
    bind_opt(ins_claim_, i++, c.year);
    bind_text(ins_claim_, i++, c.year_basis);
    bind_text(ins_claim_, i++, c.period);
    bind_text(ins_claim_, i++, c.district);
    bind_text(ins_claim_, i++, c.district_code);
    bind_text(ins_claim_, i++, c.indicator);
    bind_text(ins_claim_, i++, c.indicator_code);
    ins_claim_.bind(i++, c.modality.empty() ? std::string("actual") : c.modality);
    bind_text(ins_claim_, i++, c.rank);
    try {
      run(ins_claim_);
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
      throw StoreError(file + ": claim '" + c.quote + "' at " + span_text(c) +
                       " uses a code missing from the dimension tables (unit '" + c.unit + "', district_code '" +
                       c.district_code + "', indicator_code '" + c.indicator_code + "')");
    }
  }
}

}  // namespace claimdb
