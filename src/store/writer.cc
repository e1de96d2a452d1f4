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
      ins_passage_(db, "INSERT INTO passages (doc, seq, paragraph, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?)"),
      ins_claim_(db,
                 "INSERT INTO claims (doc, passage_id, span_start, span_end, quote, value, unit, unit_dimension,"
                 " qualifier, value_low, value_high, growth_pct, growth_pp, growth_basis, year, year_basis, period,"
                 " district, district_code, indicator, indicator_code, modality, rank)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

void DocumentWriter::reset() {
  // tryReset(): reset() would rethrow the error of the failed step.
  for (auto* st : {&find_doc_, &del_claims_, &del_passages_, &del_doc_, &ins_doc_, &ins_passage_, &ins_claim_}) {
    st->tryReset();
    st->clearBindings();
  }
}

std::optional<std::string> DocumentWriter::stored_sha256(const std::string& doc) {
  find_doc_.bind(1, doc);
  std::optional<std::string> sha;
  if (find_doc_.executeStep()) sha = find_doc_.getColumn(0).getString();
  find_doc_.reset();
  return sha;
}

void DocumentWriter::replace(const DocumentRecord& d, std::u32string_view body, const std::vector<Passage>& passages,
                             const std::vector<Claim>& claims) {
  const std::string& file = d.source_path;
  // The contract (CLAIM_MODEL.md): every span lies in the body and quotes it exactly.
  for (const Claim& c : claims) {
    if (c.span_start >= c.span_end || c.span_end > body.size())
      throw StoreError(file + ": the extractor returned a claim with span " + span_text(c) + " outside the text (" +
                       std::to_string(body.size()) + " characters)");
    std::string there = u32_to_utf8(body.substr(c.span_start, c.span_end - c.span_start));
    if (there != c.quote)
      throw StoreError(file + ": the extractor returned a claim quoting '" + c.quote + "' at " + span_text(c) +
                       " where the text is '" + there + "'");
  }
  for (const Passage& p : passages)
    if (p.start >= p.end || p.end > body.size())
      throw StoreError(file + ": passage [" + std::to_string(p.start) + ", " + std::to_string(p.end) +
                       ") lies outside the text");

  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  for (auto* st : {&del_claims_, &del_passages_, &del_doc_}) {
    st->bind(1, d.doc);
    run(*st);
  }

  int i = 1;
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
  ins_doc_.bind(i++, d.body);
  run(ins_doc_);

  std::vector<int64_t> passage_ids;
  passage_ids.reserve(passages.size());
  for (size_t seq = 0; seq < passages.size(); ++seq) {
    const Passage& p = passages[seq];
    ins_passage_.bind(1, d.doc);
    bind_size(ins_passage_, 2, seq);
    bind_size(ins_passage_, 3, p.paragraph);
    bind_size(ins_passage_, 4, p.start);
    bind_size(ins_passage_, 5, p.end);
    ins_passage_.bind(6, u32_to_utf8(body.substr(p.start, p.end - p.start)));
    run(ins_passage_);
    passage_ids.push_back(db_.getLastInsertRowid());
  }

  for (const Claim& c : claims) {
    i = 1;
    ins_claim_.bind(i++, d.doc);
    if (auto k = passage_holding(passages, c.span_start))
      ins_claim_.bind(i++, passage_ids[*k]);
    else
      ins_claim_.bind(i++);
    bind_size(ins_claim_, i++, c.span_start);
    bind_size(ins_claim_, i++, c.span_end);
    ins_claim_.bind(i++, c.quote);
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
  tx.commit();
}

}  // namespace claimdb
