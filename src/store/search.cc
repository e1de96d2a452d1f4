// Passage search over the FTS5 trigram index, with a plain scan for
// queries too short for trigrams.
#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "claimdb/store.h"
#include "util/utf.h"

namespace claimdb {

namespace {

// Whether the user wrote FTS5 query syntax rather than plain text.
// A lone double quote is text (it cannot open a phrase), balanced ones are syntax.
bool has_fts_syntax(std::string_view q) {
  size_t quotes = std::count(q.begin(), q.end(), '"');
  if ((quotes > 0 && quotes % 2 == 0) || q.find_first_of("*()^") != std::string_view::npos) return true;
  // Operators count only between two terms: "Android OR" is plain text.
  for (const char* op : {" AND ", " OR ", " NOT "})
    if (q.find(op) != std::string_view::npos) return true;
  return q.find("NEAR(") != std::string_view::npos;
}

SearchHit read_hit(SQLite::Statement& st, bool with_score) {
  SearchHit h;
  h.passage_id = st.getColumn(0).getInt64();
  h.doc = st.getColumn(1).getString();
  h.title = st.getColumn(2).getString();
  h.span_start = st.getColumn(3).getInt64();
  h.span_end = st.getColumn(4).getInt64();
  h.snippet = st.getColumn(5).getString();
  if (with_score) h.score = st.getColumn(6).getDouble();
  return h;
}

}  // namespace

std::string fts5_query(std::string_view user_query) {
  if (has_fts_syntax(user_query)) return std::string(user_query);
  std::string out = "\"";
  for (char c : user_query) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

SearchResult search_passages(SQLite::Database& db, std::string_view query, const SearchOptions& options) {
  std::string q(query);
  q.erase(0, q.find_first_not_of(" \t\r\n"));
  q.erase(q.find_last_not_of(" \t\r\n") + 1);
  if (q.empty()) throw StoreError("empty search query");

  SearchResult r;
  const int64_t limit = static_cast<int64_t>(options.limit);
  // The trigram tokenizer cannot match fewer than 3 characters (MATCH finds
  // nothing, LIKE misbehaves in SQLite 3.40), so short queries scan passages.
  if (utf8_to_u32(q).size() < 3) {
    r.scanned = true;
    SQLite::Statement st(db,
        "SELECT p.id, p.doc, coalesce(d.title, ''), p.span_start, p.span_end, replace(p.text, ?1, ?2 || ?1 || ?3)"
        " FROM passages p JOIN documents d ON d.doc = p.doc"
        " WHERE instr(p.text, ?1) > 0 ORDER BY p.doc, p.seq LIMIT ?4");
    st.bind(1, q);
    st.bind(2, options.mark_open);
    st.bind(3, options.mark_close);
    st.bind(4, limit);
    while (st.executeStep()) r.hits.push_back(read_hit(st, false));
    return r;
  }

  std::string match = fts5_query(q);
  SQLite::Statement st(db,
      "SELECT p.id, p.doc, coalesce(d.title, ''), p.span_start, p.span_end,"
      " snippet(passages_fts, 0, ?2, ?3, '…', 64), bm25(passages_fts)"
      " FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid JOIN documents d ON d.doc = p.doc"
      " WHERE passages_fts MATCH ?1 ORDER BY bm25(passages_fts) LIMIT ?4");
  st.bind(1, match);
  st.bind(2, options.mark_open);
  st.bind(3, options.mark_close);
  st.bind(4, limit);
  try {
    while (st.executeStep()) r.hits.push_back(read_hit(st, true));
  } catch (const SQLite::Exception& e) {
    throw StoreError(std::string("search: invalid FTS5 query ") + match + ": " + e.what() +
                     " (put the text in double quotes to search for it literally)");
  }
  return r;
}

}  // namespace claimdb
