// Passage search: parses the query, picks the index it needs (trigram for
// long ideographic phrases, the word index for everything else), applies
// the filters, ranks by bm25 and marks the hits; and the claims held by the
// matching passages.
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "claimdb/store.h"
#include "store/search_query.h"
#include "store/search_snippet.h"

namespace claimdb {

namespace {

// Districts match by full or short name (海曙区, 海曙).
const char* kDistrictSet = "(SELECT name FROM districts WHERE name = :district OR short_name = :district)";
const char* kIndicatorMatch =
    "(c.indicator_code = :indicator OR c.indicator = :indicator"
    " OR c.indicator_code IN (SELECT code FROM indicators WHERE name_zh = :indicator))";

void bind_filters(SQLite::Statement& st, const SearchOptions& o, bool with_doc = true) {
  if (with_doc && !o.doc.empty()) st.bind(":doc", o.doc);
  if (!o.district.empty()) st.bind(":district", o.district);
  if (!o.indicator.empty()) st.bind(":indicator", o.indicator);
  if (o.year) st.bind(":year", *o.year);
}

struct Matches {
  std::vector<SearchHit> hits;
  SearchIndex index;
  std::string match;
  std::vector<search::MarkTerm> marks;
};

Matches find_passages(SQLite::Database& db, std::string_view query, const SearchOptions& o, long long limit,
                      bool passage_filters) {
  search::QueryNode q = search::parse_query(query);
  Matches m;
  m.index = o.index == SearchIndex::Auto ? search::choose_index(q) : o.index;
  m.match = m.index == SearchIndex::Trigram ? search::trigram_match(q) : search::words_match(q);
  m.marks = search::mark_terms(q);
  const std::string fts = m.index == SearchIndex::Trigram ? "passages_fts" : "passages_words";

  std::string sql = "SELECT p.id, p.doc, coalesce(d.title, ''), p.span_start, p.span_end, p.text, bm25(" + fts +
                    ") AS score FROM " + fts + " JOIN passages p ON p.id = " + fts +
                    ".rowid JOIN documents d ON d.doc = p.doc WHERE " + fts + " MATCH :match";
  if (!o.doc.empty()) sql += " AND p.doc = :doc";
  if (passage_filters) {
    if (!o.district.empty())
      sql += std::string(" AND (d.district = :district OR d.district IN ") + kDistrictSet +
             " OR EXISTS (SELECT 1 FROM claims c WHERE c.passage_id = p.id AND (c.district = :district OR c.district IN " +
             kDistrictSet + ")))";
    if (o.year)
      sql += " AND (d.year = :year OR EXISTS (SELECT 1 FROM claims c WHERE c.passage_id = p.id AND c.year = :year))";
    if (!o.indicator.empty())
      sql += std::string(" AND EXISTS (SELECT 1 FROM claims c WHERE c.passage_id = p.id AND ") + kIndicatorMatch + ")";
  }
  sql += " ORDER BY score, p.doc, p.seq LIMIT :limit";

  SQLite::Statement st(db, sql);
  st.bind(":match", m.match);
  st.bind(":limit", static_cast<int64_t>(limit));
  if (!o.doc.empty()) st.bind(":doc", o.doc);
  if (passage_filters) bind_filters(st, o, false);
  try {
    while (st.executeStep()) {
      SearchHit h;
      h.passage_id = st.getColumn(0).getInt64();
      h.doc = st.getColumn(1).getString();
      h.title = st.getColumn(2).getString();
      h.span_start = st.getColumn(3).getInt64();
      h.span_end = st.getColumn(4).getInt64();
      h.text = st.getColumn(5).getString();
      h.score = st.getColumn(6).getDouble();
      m.hits.push_back(std::move(h));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(std::string("search: ") + search::index_name(m.index) + " index rejected " + m.match + ": " +
                     e.what() + " (put the text in double quotes to search for it literally)");
  }
  return m;
}

std::optional<double> opt_double(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getDouble();
}

}  // namespace

SearchResult search_passages(SQLite::Database& db, std::string_view query, const SearchOptions& options) {
  Matches m = find_passages(db, query, options, static_cast<long long>(options.limit), true);
  SearchResult r;
  r.index = m.index;
  r.match = m.match;
  r.hits = std::move(m.hits);
  for (auto& h : r.hits)
    h.snippet = search::mark_snippet(h.text, m.marks, options.mark_open, options.mark_close, options.snippet_chars);
  return r;
}

ClaimSearchResult search_claims(SQLite::Database& db, std::string_view query, const SearchOptions& options) {
  Matches m = find_passages(db, query, options, -1, false);
  ClaimSearchResult r;
  r.index = m.index;
  r.passages = m.hits.size();
  if (m.hits.empty()) return r;

  std::map<long long, size_t> rank;
  std::string ids;
  for (size_t i = 0; i < m.hits.size(); ++i) {
    rank.emplace(m.hits[i].passage_id, i + 1);
    ids += (ids.empty() ? "" : ",") + std::to_string(m.hits[i].passage_id);
  }
  std::string sql =
      "SELECT c.claim_id, c.passage_id, c.doc, c.quote, c.unit, c.qualifier, c.district, c.indicator,"
      " c.indicator_code, c.modality, c.span_start, c.span_end, c.value, c.growth_pct, c.year"
      " FROM claims_flat c WHERE c.passage_id IN (SELECT value FROM json_each(:ids))";
  if (!options.district.empty())
    sql += std::string(" AND (c.district = :district OR c.district IN ") + kDistrictSet + ")";
  if (options.year) sql += " AND c.year = :year";
  if (!options.indicator.empty()) sql += std::string(" AND ") + kIndicatorMatch;
  SQLite::Statement st(db, sql);
  st.bind(":ids", "[" + ids + "]");
  bind_filters(st, options, false);
  while (st.executeStep()) {
    ClaimHit c;
    c.claim_id = st.getColumn(0).getInt64();
    c.passage_id = st.getColumn(1).getInt64();
    c.doc = st.getColumn(2).getString();
    c.quote = st.getColumn(3).getString();
    c.unit = st.getColumn(4).getString();
    c.qualifier = st.getColumn(5).getString();
    c.district = st.getColumn(6).getString();
    c.indicator = st.getColumn(7).getString();
    c.indicator_code = st.getColumn(8).getString();
    c.modality = st.getColumn(9).getString();
    c.span_start = st.getColumn(10).getInt64();
    c.span_end = st.getColumn(11).getInt64();
    c.value = opt_double(st.getColumn(12));
    c.growth_pct = opt_double(st.getColumn(13));
    if (!st.getColumn(14).isNull()) c.year = st.getColumn(14).getInt();
    c.passage_rank = rank[c.passage_id];
    r.claims.push_back(std::move(c));
  }
  std::sort(r.claims.begin(), r.claims.end(), [](const ClaimHit& a, const ClaimHit& b) {
    return std::tie(a.passage_rank, a.span_start, a.claim_id) < std::tie(b.passage_rank, b.span_start, b.claim_id);
  });
  if (r.claims.size() > options.limit) r.claims.resize(options.limit);
  return r;
}

}  // namespace claimdb
