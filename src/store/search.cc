// Passage search: parses the query, picks the index it needs (trigram for
// phrases that spell out punctuation, the word index for everything else),
// applies the filters, ranks by bm25 and marks the hits; and the claims held
// by the matching passages.
//
// Ranking works in two steps so that a query's cost does not grow with the
// number of passages that contain it (产业 is in one passage of five):
//  1. FTS5 lists the matching passages newest first (rowid descending),
//     LIMIT `candidates`, and an auxiliary function (claimdb_hits) returns
//     for each what bm25 needs: each phrase's hits and the passage's length.
//     Filters are joined into this scan, so the bound counts passages that
//     pass them.
//  2. bm25 is computed here as FTS5's bm25() computes it (k1 = 1.2,
//     b = 0.75, the same IDF and average length), ties go to passage order,
//     and only the passages shown are read.
// FTS5's own bm25() counts every passage holding each phrase for its IDF,
// and ORDER BY bm25 scores and sorts every match: that was 0.1-0.7 s for
// frequent words on 200 MB of text. Here a phrase's document frequency
// comes from the scan itself (when the query is phrases joined by OR and
// nothing is filtered) or from a count that stops after `candidates` hits
// (AND, NOT, NEAR, filters); a count or scan that stopped early is
// extrapolated over the range of passage ids. When every match was seen,
// the scores are FTS5's bm25().
#include "store/search.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <filesystem>
#include <mutex>
#include <set>
#include <tuple>
#include <unordered_map>

#include "store/search_query.h"
#include "store/search_snippet.h"

namespace claimdb {

namespace {

// ---------------------------------------------------------------- opening

int latest_schema_version() {
  static const int v = [] {
    auto m = embedded_migrations();
    return m.empty() ? 0 : m.back().version;
  }();
  return v;
}

// A search reads a few hundred to a few thousand pages once each: a small
// page cache is enough, and a bigger one (or mmap) costs more in page faults
// for fresh memory than it saves (measured on 200 MB of text: 512 KiB beat
// SQLite's default 2 MiB by about 7 ms of CPU per search at the median;
// mmap was 3x slower).
void tune_for_reading(SQLite::Database& db) { db.exec("PRAGMA cache_size = -512"); }

// ---------------------------------------------------------------- claimdb_hits()
// An FTS5 auxiliary function: claimdb_hits(fts_table, df_limit, sizes)
// returns a blob of doubles: rows in the table, tokens in the table, tokens
// in this row (0 unless `sizes`: that reads the row's size record), then
// each phrase's hits in this row; with df_limit != 0 (negative: no limit)
// also, per phrase, the number of rows holding it, 1 if that count stopped
// at df_limit, and the rowid where it stopped. The counts are made once per
// query (FTS5 auxdata), in ascending rowid order.

struct PhraseCount {
  double rows = 0;
  bool stopped = false;
  double last_rowid = 0;
  long long limit = 0;
};

int count_callback(const Fts5ExtensionApi* api, Fts5Context* ctx, void* user) {
  auto* c = static_cast<PhraseCount*>(user);
  c->rows += 1;
  if (c->limit > 0 && c->rows >= static_cast<double>(c->limit)) {
    c->stopped = true;
    c->last_rowid = static_cast<double>(api->xRowid(ctx));
    return SQLITE_DONE;  // xQueryPhrase stops and returns SQLITE_OK
  }
  return SQLITE_OK;
}

void hits_function(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* out, int nval,
                   sqlite3_value** vals) {
  const int phrases = api->xPhraseCount(ctx);
  const long long df_limit = nval > 0 ? sqlite3_value_int64(vals[0]) : 0;
  const bool sizes = nval > 1 ? sqlite3_value_int(vals[1]) != 0 : true;
  std::vector<double> blob(3 + phrases + (df_limit ? 3 * phrases : 0), 0.0);
  sqlite3_int64 rows = 0, tokens = 0;
  int row_tokens = 0;
  int rc = api->xRowCount(ctx, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(ctx, -1, &tokens);
  if (rc == SQLITE_OK && sizes) rc = api->xColumnSize(ctx, -1, &row_tokens);
  int insts = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(ctx, &insts);
  for (int i = 0; rc == SQLITE_OK && i < insts; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(ctx, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK && phrase >= 0 && phrase < phrases) blob[3 + phrase] += 1.0;
  }
  if (rc == SQLITE_OK && df_limit) {
    auto* counts = static_cast<std::vector<PhraseCount>*>(api->xGetAuxdata(ctx, 0));
    if (!counts) {
      auto fresh = std::make_unique<std::vector<PhraseCount>>(phrases);
      for (int i = 0; rc == SQLITE_OK && i < phrases; ++i) {
        (*fresh)[i].limit = df_limit;
        rc = api->xQueryPhrase(ctx, i, &(*fresh)[i], count_callback);
      }
      if (rc == SQLITE_OK) {
        counts = fresh.get();
        rc = api->xSetAuxdata(ctx, fresh.release(),
                              [](void* p) { delete static_cast<std::vector<PhraseCount>*>(p); });
      }
    }
    for (int i = 0; rc == SQLITE_OK && i < phrases; ++i) {
      const PhraseCount& c = (*counts)[i];
      blob[3 + phrases + 3 * i] = c.rows;
      blob[3 + phrases + 3 * i + 1] = c.stopped ? 1 : 0;
      blob[3 + phrases + 3 * i + 2] = c.last_rowid;
    }
  }
  if (rc != SQLITE_OK) return sqlite3_result_error_code(out, rc);
  blob[0] = static_cast<double>(rows);
  blob[1] = static_cast<double>(tokens);
  blob[2] = static_cast<double>(row_tokens);
  sqlite3_result_blob(out, blob.data(), static_cast<int>(blob.size() * sizeof(double)), SQLITE_TRANSIENT);
}

// FTS5 keeps auxiliary functions per connection and offers no way to ask
// for one; the connections that have it are remembered until FTS5 drops the
// function (when the connection closes).
std::mutex registered_mutex;
std::set<sqlite3*> registered;

void register_hits_function(SQLite::Database& db) {
  sqlite3* handle = db.getHandle();
  std::lock_guard<std::mutex> lock(registered_mutex);
  if (registered.count(handle)) return;
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(handle, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  if (!api || api->iVersion < 2) throw StoreError("search: this SQLite has no FTS5 (version 2 or later)");
  int rc = api->xCreateFunction(api, "claimdb_hits", handle, hits_function, [](void* h) {
    std::lock_guard<std::mutex> lock(registered_mutex);
    registered.erase(static_cast<sqlite3*>(h));
  });
  if (rc != SQLITE_OK) throw StoreError("search: cannot register the FTS5 function claimdb_hits");
  registered.insert(handle);
}

// ---------------------------------------------------------------- filters

// Districts match by full or short name (海曙区, 海曙).
const char* kDistrictSet = "(SELECT name FROM districts WHERE name = :district OR short_name = :district)";
const char* kIndicatorMatch =
    "(c.indicator_code = :indicator OR c.indicator = :indicator"
    " OR c.indicator_code IN (SELECT code FROM indicators WHERE name_zh = :indicator))";

bool has_claim_filters(const SearchOptions& o) { return !o.district.empty() || o.year || !o.indicator.empty(); }

void bind_filters(SQLite::Statement& st, const SearchOptions& o) {
  if (!o.district.empty()) st.bind(":district", o.district);
  if (!o.indicator.empty()) st.bind(":indicator", o.indicator);
  if (o.year) st.bind(":year", *o.year);
}

// The claims filters of search_claims(), on claims aliased c.
std::string claim_conditions(const SearchOptions& o) {
  std::string sql;
  if (!o.district.empty()) sql += std::string(" AND (c.district = :district OR c.district IN ") + kDistrictSet + ")";
  if (o.year) sql += " AND c.year = :year";
  if (!o.indicator.empty()) sql += std::string(" AND ") + kIndicatorMatch;
  return sql;
}

// ---------------------------------------------------------------- ranking

// Which passages the candidate scan keeps besides the full-text match.
enum class Keep {
  PassageFilters,  // search_passages: the document or a claim has the district/year, a claim the indicator
  ClaimFilters,    // search_claims: the passage holds a claim passing all the filters (when there are any)
};

struct Candidate {
  long long id = 0;
  double score = 0;
  std::vector<double> freq;  // hits per phrase
  double tokens = 0;         // tokens in the passage (both columns of passages_words)
};

struct Ranking {
  SearchIndex index = SearchIndex::Words;
  std::string match;
  std::vector<search::MarkTerm> marks;
  std::vector<Candidate> cands;  // best first
  SearchStats stats;
};

bool or_of_phrases(const search::QueryNode& n) {
  using K = search::QueryNode::Kind;
  if (n.kind == K::Phrase) return true;
  if (n.kind != K::Or) return false;
  return std::all_of(n.kids.begin(), n.kids.end(), or_of_phrases);
}

double bm25_idf(double rows, double hits) {
  double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

// The ids passages have: all of them, and the range a search covers (one
// document's with --doc).
struct IdRange {
  long long first = 0, last = 0;  // every passage
  long long lo = 0, hi = 0;       // the searched ones
  double all() const { return static_cast<double>(last - first + 1); }
  double span() const { return static_cast<double>(hi - lo + 1); }
};

// One pass of the candidate scan over an FTS5 table.
struct Scan {
  std::vector<Candidate> cands;   // newest first
  std::vector<PhraseCount> df;    // with a df_limit: each phrase's rows, counted apart
  double rows = 0, tokens = 0;    // the table's
  bool bounded = false;           // stopped at the limit before the end of the range
  double covered = 0;             // ids the scan went through
};

// The conditions of a scan besides the full-text match: `sql` (on
// passages p and documents d when `join`), parameters bound by `bind`.
struct Conditions {
  std::string sql;
  bool join = false;
  std::function<void(SQLite::Statement&)> bind;
};

// Matching rows newest first, at most `limit` (0: all), with their hits;
// `ids` is the range the conditions allow. With `accept`, only the rows it
// accepts (and may amend) are kept and count towards the limit.
Scan scan(SQLite::Database& db, const std::string& fts, const std::string& match, const Conditions& where,
          const IdRange& ids, long long df_limit, bool sizes, size_t limit, SearchIndex index,
          const std::function<bool(Candidate&)>& accept = nullptr) {
  std::string sql = "SELECT " + fts + ".rowid, claimdb_hits(" + fts + ", :df_limit, " + (sizes ? "1" : "0") +
                    ") FROM " + fts;
  if (where.join) sql += " JOIN passages p ON p.id = " + fts + ".rowid JOIN documents d ON d.doc = p.doc";
  std::string cond = where.sql;
  for (size_t at = cond.find("{fts}"); at != std::string::npos; at = cond.find("{fts}", at)) cond.replace(at, 5, fts);
  sql += " WHERE " + fts + " MATCH :match" + cond;
  if (limit) sql += " ORDER BY " + fts + ".rowid DESC" + (accept ? "" : " LIMIT :n");
  Scan out;
  try {
    SQLite::Statement st(db, sql);
    st.bind(":match", match);
    st.bind(":df_limit", static_cast<int64_t>(df_limit));
    if (limit && !accept) st.bind(":n", static_cast<int64_t>(limit));
    if (where.bind) where.bind(st);
    while ((!limit || out.cands.size() < limit) && st.executeStep()) {
      const SQLite::Column blob = st.getColumn(1);
      const size_t n = static_cast<size_t>(blob.getBytes()) / sizeof(double);
      if (n < 3) throw StoreError("search: claimdb_hits returned too little");
      std::vector<double> v(n);
      std::memcpy(v.data(), blob.getBlob(), n * sizeof(double));
      const size_t phrases = df_limit ? (n - 3) / 4 : n - 3;
      out.rows = v[0];
      out.tokens = v[1];
      Candidate c;
      c.id = st.getColumn(0).getInt64();
      c.tokens = v[2];
      c.freq.assign(v.begin() + 3, v.begin() + 3 + static_cast<long>(phrases));
      if (df_limit && out.df.empty()) {
        out.df.resize(phrases);
        for (size_t i = 0; i < phrases; ++i) {
          out.df[i].rows = v[3 + phrases + 3 * i];
          out.df[i].stopped = v[3 + phrases + 3 * i + 1] != 0;
          out.df[i].last_rowid = v[3 + phrases + 3 * i + 2];
        }
      }
      if (accept && !accept(c)) continue;
      out.cands.push_back(std::move(c));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(std::string("search: ") + search::index_name(index) + " index rejected " + match + ": " +
                     e.what() + " (put the text in double quotes to search for it literally)");
  }
  // A scan that stopped at the limit covered the ids (its last, hi].
  out.bounded = limit && out.cands.size() >= limit && out.cands.back().id > ids.lo;
  out.covered = out.bounded ? std::max(1.0, static_cast<double>(ids.hi - out.cands.back().id + 1)) : ids.span();
  return out;
}

// Rows holding a phrase over the whole table, from a count that stopped
// (in ascending id order) or not.
double rows_holding(const PhraseCount& c, const IdRange& ids) {
  if (!c.stopped) return c.rows;
  return std::round(c.rows * ids.all() / std::max(1.0, c.last_rowid - static_cast<double>(ids.first) + 1));
}

// FTS5 varints (SQLite's format).
bool get_varint(const unsigned char*& p, const unsigned char* end, double& out) {
  uint64_t v = 0;
  for (int i = 0; i < 9; ++i) {
    if (p >= end) return false;
    unsigned char b = *p++;
    if (i == 8) {
      v = (v << 8) | b;
      break;
    }
    v = (v << 7) | (b & 0x7f);
    if (!(b & 0x80)) break;
  }
  out = static_cast<double>(v);
  return true;
}

// Thrown when passages_chars3 lists mostly passages that fail the check
// (a phrase whose letters or digits are rare among those around the same
// ideographs): the word index is then asked directly.
struct TooManyChecks {};

// Counts checks; when on, gives up once, after 64, fewer than one in four
// passed. It is off when passages_chars3 lists few enough passages that
// checking them all is cheaper than the word index's own search.
struct CheckRate {
  bool on = true;
  size_t read = 0, passed = 0;
  void operator()(bool ok) {
    ++read;
    passed += ok ? 1 : 0;
    if (on && read >= 64 && passed * 4 < read) throw TooManyChecks{};
  }
};

// Whether passages_chars3 lists fewer than `cap` passages for `match`.
bool lists_fewer(SQLite::Database& db, const std::string& match, size_t cap) {
  SQLite::Statement st(db,
                       "SELECT count(*) FROM (SELECT 1 FROM passages_chars3 WHERE passages_chars3 MATCH ? LIMIT ?)");
  st.bind(1, match);
  st.bind(2, static_cast<int64_t>(cap));
  return st.executeStep() && static_cast<size_t>(st.getColumn(0).getInt64()) < cap;
}

// A passage's segmented forms (passage_segments), read to check phrases
// passage by passage: how often each phrase's chars and words forms occur.
class SegmentReader {
 public:
  explicit SegmentReader(SQLite::Database& db) : st_(db, "SELECT chars, words FROM passage_segments WHERE id = ?") {}
  // False when the passage has no segments.
  bool read(long long id, const std::vector<search::WordPhrase>& phrases, std::vector<size_t>& chars,
            std::vector<size_t>& words) {
    st_.bind(1, static_cast<int64_t>(id));
    const bool found = st_.executeStep();
    chars.assign(phrases.size(), 0);
    words.assign(phrases.size(), 0);
    if (found) {
      const std::string c = st_.getColumn(0).getString(), w = st_.getColumn(1).getString();
      const auto ctok = search::unicode61_tokens(c), wtok = search::unicode61_tokens(w);
      for (size_t k = 0; k < phrases.size(); ++k) {
        chars[k] = search::count_phrase(ctok, phrases[k].chars);
        if (phrases[k].has_words()) words[k] = search::count_phrase(wtok, phrases[k].words61);
      }
    }
    st_.reset();
    return found;
  }

 private:
  SQLite::Statement st_;
};

// Rows holding a phrase's chars and words forms over the whole table, for
// the IDF when the candidate scan cannot tell (AND, NOT, filters): counted
// in ascending id order until `limit` rows hold the chars form (0: all),
// then extrapolated. passages_chars3 lists the rows for a phrase it can
// take (checked passage by passage when it lists a superset, and for the
// words form); passages_words counts the others.
std::pair<double, double> phrase_rows(SQLite::Database& db, const search::QueryNode& node,
                                      const search::WordPhrase& w, const IdRange& ids, size_t limit) {
  const search::Chars3Plan plan = search::chars3_plan(node);
  const std::string lim = limit ? " LIMIT " + std::to_string(limit) : "";
  if (!plan.usable) {
    auto count = [&](const std::string& match) {
      SQLite::Statement list(db, "SELECT rowid FROM passages_words WHERE passages_words MATCH ? ORDER BY rowid" + lim);
      list.bind(1, match);
      PhraseCount c;
      while (list.executeStep()) {
        c.rows += 1;
        c.last_rowid = static_cast<double>(list.getColumn(0).getInt64());
      }
      c.stopped = limit && c.rows >= static_cast<double>(limit);
      return rows_holding(c, ids);
    };
    auto joined = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& t : v) s += (s.empty() ? "" : " ") + t;
      return s;
    };
    return {count("chars : " + search::quote_phrase(joined(w.chars))),
            w.has_words() ? count("words : " + search::quote_phrase(joined(w.words))) : 0.0};
  }
  const bool read = plan.verify || w.has_words();
  SQLite::Statement list(db, "SELECT rowid FROM passages_chars3 WHERE passages_chars3 MATCH ? ORDER BY rowid");
  list.bind(1, plan.match);
  SegmentReader segments(db);
  CheckRate rate;
  rate.on = limit && plan.verify && !lists_fewer(db, plan.match, 2 * limit);
  PhraseCount c, words;
  std::vector<search::WordPhrase> one{w};
  std::vector<size_t> ch, wh;
  while ((!limit || c.rows < static_cast<double>(limit)) && list.executeStep()) {
    const long long id = list.getColumn(0).getInt64();
    c.last_rowid = static_cast<double>(id);
    if (!read) {
      c.rows += 1;
      continue;
    }
    segments.read(id, one, ch, wh);
    const bool ok = !plan.verify || ch[0] > 0;
    if (plan.verify) rate(ok);
    if (!ok) continue;
    c.rows += 1;
    words.rows += wh[0] > 0 ? 1 : 0;
  }
  c.stopped = limit && c.rows >= static_cast<double>(limit);
  words.stopped = c.stopped;
  words.last_rowid = c.last_rowid;
  return {rows_holding(c, ids), rows_holding(words, ids)};
}

// passages_chars3 answers which passages hold the chars phrases and how
// often (or, with plan.verify, which may: each is then checked against its
// segments); passages_words still gives what bm25 ranks by: each passage's
// length (its size record), the table's rows and tokens (its averages
// record) and the hits of each phrase's words form (from the segments of
// few or checked candidates, else from a scan of that phrase alone over the
// candidates' ids).
void rank_with_chars3(SQLite::Database& db, const search::QueryNode& q, const search::Chars3Plan& plan, Ranking& r,
                      const Conditions& where, const IdRange& ids, size_t candidates) {
  const std::vector<search::WordPhrase> phrases = search::word_phrases(q);
  std::vector<const search::QueryNode*> nodes;
  std::function<void(const search::QueryNode&)> collect = [&](const search::QueryNode& n) {
    if (n.kind == search::QueryNode::Kind::Phrase) return nodes.push_back(&n);
    for (const auto& k : n.kids) collect(k);
  };
  collect(q);
  const bool any_words = std::any_of(phrases.begin(), phrases.end(), [](const auto& p) { return p.has_words(); });

  // Hits of every phrase's words form, per candidate, once known.
  std::unordered_map<long long, std::vector<size_t>> words_hits;
  SegmentReader segments(db);
  std::function<bool(Candidate&)> check;
  CheckRate rate;
  if (plan.verify) {
    rate.on = candidates && !lists_fewer(db, plan.match, 2 * candidates);
    check = [&](Candidate& c) {
      std::vector<size_t> ch, wh;
      const bool ok = segments.read(c.id, phrases, ch, wh) && search::query_matches(q, ch);
      rate(ok);
      if (ok) {
        c.freq.assign(ch.begin(), ch.end());
        words_hits.emplace(c.id, std::move(wh));
      }
      return ok;
    };
  }
  Scan s = scan(db, "passages_chars3", plan.match, where, ids, 0, false, candidates, SearchIndex::Words, check);
  r.stats.chars3 = true;
  r.cands = std::move(s.cands);
  if (r.cands.empty()) return;
  r.stats.ranked = r.cands.size();
  r.stats.bounded = s.bounded;
  r.stats.matches_estimate = static_cast<double>(r.cands.size()) * ids.span() / s.covered;

  double rows = 0, tokens = 0;
  {
    SQLite::Statement avg(db, "SELECT block FROM passages_words_data WHERE id = 1");
    if (!avg.executeStep()) throw StoreError("search: passages_words has no averages record");
    const SQLite::Column b = avg.getColumn(0);
    const auto* p = static_cast<const unsigned char*>(b.getBlob());
    const auto* end = p + b.getBytes();
    double col = 0;
    if (!get_varint(p, end, rows)) throw StoreError("search: passages_words averages record is damaged");
    while (get_varint(p, end, col)) tokens += col;
  }
  if (rows <= 0) return;
  {
    SQLite::Statement size(db, "SELECT sz FROM passages_words_docsize WHERE id = ?");
    for (auto& c : r.cands) {
      size.bind(1, static_cast<int64_t>(c.id));
      if (size.executeStep()) {
        const SQLite::Column b = size.getColumn(0);
        const auto* p = static_cast<const unsigned char*>(b.getBlob());
        const auto* end = p + b.getBytes();
        double col = 0;
        while (get_varint(p, end, col)) c.tokens += col;
      }
      size.reset();
    }
  }

  // The words forms: from the segments when they were read or the
  // candidates are few (their ids may lie anywhere), else by scanning each
  // words phrase over the candidates' ids (it occurs only where its chars
  // form does, so every row it matches there is a candidate or filtered out).
  constexpr size_t kFewCandidates = 100;
  if (any_words && !plan.verify && r.cands.size() <= kFewCandidates) {
    for (const auto& c : r.cands) {
      std::vector<size_t> ch, wh;
      segments.read(c.id, phrases, ch, wh);
      words_hits.emplace(c.id, std::move(wh));
    }
  }
  std::unordered_map<long long, size_t> at;
  long long lo = r.cands.front().id, hi = lo;
  for (size_t i = 0; i < r.cands.size(); ++i) {
    at.emplace(r.cands[i].id, i);
    lo = std::min(lo, r.cands[i].id);
    hi = std::max(hi, r.cands[i].id);
  }
  auto scanned_words = [&](size_t k) {
    std::vector<double> wf(r.cands.size(), 0.0);
    std::string words;
    for (const auto& w : phrases[k].words) words += (words.empty() ? "" : " ") + w;
    IdRange range = ids;
    range.lo = lo;
    range.hi = hi;
    Conditions in_range{" AND {fts}.rowid BETWEEN :lo AND :hi", false, [&](SQLite::Statement& st) {
                          st.bind(":lo", static_cast<int64_t>(lo));
                          st.bind(":hi", static_cast<int64_t>(hi));
                        }};
    Scan w = scan(db, "passages_words", "words : " + search::quote_phrase(words), in_range, range, 0, false, 0,
                  SearchIndex::Words);
    for (const auto& c : w.cands) {
      auto it = at.find(c.id);
      if (it != at.end()) wf[it->second] = c.freq.empty() ? 0 : c.freq[0];
    }
    return wf;
  };

  // passages_words numbers the phrases: for each query phrase its chars
  // form, then its words form when that differs.
  const bool df_from_scan = where.sql.empty() && or_of_phrases(q);
  std::vector<std::vector<double>> freq(r.cands.size());
  std::vector<double> idf;
  for (size_t k = 0; k < phrases.size(); ++k) {
    std::vector<double> wf(r.cands.size(), 0.0);
    if (phrases[k].has_words()) {
      if (words_hits.empty()) {
        wf = scanned_words(k);
      } else {
        for (size_t i = 0; i < r.cands.size(); ++i) wf[i] = static_cast<double>(words_hits.at(r.cands[i].id)[k]);
      }
    }
    double chits = 0, whits = 0;
    if (df_from_scan) {
      for (size_t i = 0; i < r.cands.size(); ++i) {
        chits += r.cands[i].freq[k] > 0 ? 1 : 0;
        whits += wf[i] > 0 ? 1 : 0;
      }
      chits = std::round(chits * ids.span() / s.covered);
      whits = std::round(whits * ids.span() / s.covered);
    } else {
      std::tie(chits, whits) = phrase_rows(db, *nodes[k], phrases[k], ids, candidates);
    }
    idf.push_back(bm25_idf(rows, std::min(chits, rows)));
    for (size_t i = 0; i < r.cands.size(); ++i) freq[i].push_back(r.cands[i].freq[k]);
    if (!phrases[k].has_words()) continue;
    idf.push_back(bm25_idf(rows, std::min(whits, rows)));
    for (size_t i = 0; i < r.cands.size(); ++i) freq[i].push_back(wf[i]);
  }
  for (size_t i = 0; i < r.cands.size(); ++i) r.cands[i].freq = std::move(freq[i]);

  const double k1 = 1.2, b = 0.75, avgdl = tokens / rows;
  for (auto& c : r.cands) {
    double score = 0;
    for (size_t i = 0; i < idf.size(); ++i)
      score += idf[i] * ((c.freq[i] * (k1 + 1.0)) / (c.freq[i] + k1 * (1 - b + b * c.tokens / avgdl)));
    c.score = -1.0 * score;
  }
}

bool has_table(SQLite::Database& db, const char* name) {
  SQLite::Statement st(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  st.bind(1, name);
  return st.executeStep();
}

Ranking rank(SQLite::Database& db, std::string_view query, const SearchOptions& o, Keep keep, size_t candidates) {
  search::QueryNode q = search::parse_query(query);
  Ranking r;
  r.index = o.index == SearchIndex::Auto ? search::choose_index(q) : o.index;
  r.match = r.index == SearchIndex::Trigram ? search::trigram_match(q) : search::words_match(q);
  r.marks = search::mark_terms(q);
  const std::string fts = r.index == SearchIndex::Trigram ? "passages_fts" : "passages_words";
  register_hits_function(db);

  IdRange ids;
  {
    // Two subqueries: SQLite finds a lone min() or max() in the b-tree, not both at once.
    SQLite::Statement all(db, "SELECT (SELECT min(id) FROM passages), (SELECT max(id) FROM passages)");
    if (!all.executeStep() || all.getColumn(0).isNull()) return r;  // no passages
    ids.lo = ids.first = all.getColumn(0).getInt64();
    ids.hi = ids.last = all.getColumn(1).getInt64();
  }
  if (!o.doc.empty()) {
    SQLite::Statement range(db, "SELECT min(id), max(id) FROM passages WHERE doc = :doc");
    range.bind(":doc", o.doc);
    if (!range.executeStep() || range.getColumn(0).isNull()) return r;  // no such document
    ids.lo = range.getColumn(0).getInt64();
    ids.hi = range.getColumn(1).getInt64();
  }

  // Filters are conditions of the scan; {fts} stands for the table scanned.
  std::string filter;
  if (!o.doc.empty()) filter += " AND {fts}.rowid BETWEEN :lo AND :hi AND p.doc = :doc";
  if (keep == Keep::PassageFilters) {
    if (!o.district.empty())
      filter += std::string(" AND (d.district = :district OR d.district IN ") + kDistrictSet +
                " OR EXISTS (SELECT 1 FROM claims c WHERE c.passage_id = p.id AND (c.district = :district OR c.district IN " +
                kDistrictSet + ")))";
    if (o.year)
      filter += " AND (d.year = :year OR EXISTS (SELECT 1 FROM claims c WHERE c.passage_id = p.id AND c.year = :year))";
    if (!o.indicator.empty())
      filter += std::string(" AND EXISTS (SELECT 1 FROM claims c WHERE c.passage_id = p.id AND ") + kIndicatorMatch + ")";
  } else if (has_claim_filters(o)) {
    filter += " AND EXISTS (SELECT 1 FROM claims c WHERE c.passage_id = p.id" + claim_conditions(o) + ")";
  }
  const bool bind_claim_filters = keep == Keep::PassageFilters || has_claim_filters(o);
  Conditions where{filter, !filter.empty(), [&](SQLite::Statement& st) {
                     if (!o.doc.empty()) {
                       st.bind(":doc", o.doc);
                       st.bind(":lo", static_cast<int64_t>(ids.lo));
                       st.bind(":hi", static_cast<int64_t>(ids.hi));
                     }
                     if (bind_claim_filters) bind_filters(st, o);
                   }};

  search::Chars3Plan plan;
  if (r.index == SearchIndex::Words) plan = search::chars3_plan(q);
  bool done = false;
  if (plan.usable && has_table(db, "passages_chars3")) {
    try {
      rank_with_chars3(db, q, plan, r, where, ids, candidates);
      done = true;
    } catch (const TooManyChecks&) {
      r.cands.clear();
      r.stats = SearchStats();
    }
  }
  if (!done) {
    // Document frequencies from the scan itself only when it sees every row
    // holding a phrase, i.e. unfiltered phrases joined by OR.
    const bool df_from_scan = filter.empty() && or_of_phrases(q);
    const long long df_limit = df_from_scan ? 0 : candidates ? static_cast<long long>(candidates) : -1;
    Scan s = scan(db, fts, r.match, where, ids, df_limit, true, candidates, r.index);
    r.cands = std::move(s.cands);
    if (r.cands.empty()) return r;
    r.stats.ranked = r.cands.size();
    r.stats.bounded = s.bounded;
    r.stats.matches_estimate = static_cast<double>(r.cands.size()) * ids.span() / s.covered;

    const size_t phrases = r.cands.front().freq.size();
    std::vector<double> idf(phrases);
    for (size_t i = 0; i < phrases; ++i) {
      double hits = 0;
      if (df_from_scan) {
        for (const auto& c : r.cands) hits += c.freq[i] > 0 ? 1 : 0;
        hits = std::round(hits * ids.span() / s.covered);
      } else {
        hits = rows_holding(s.df[i], ids);
      }
      idf[i] = bm25_idf(s.rows, std::min(hits, s.rows));
    }
    // FTS5's bm25(): the average length is over all columns of all rows.
    const double k1 = 1.2, b = 0.75, avgdl = s.tokens / s.rows;
    for (auto& c : r.cands) {
      double score = 0;
      for (size_t i = 0; i < phrases; ++i)
        score += idf[i] * ((c.freq[i] * (k1 + 1.0)) / (c.freq[i] + k1 * (1 - b + b * c.tokens / avgdl)));
      c.score = -1.0 * score;
    }
  }
  // Equal scores in passage order: document order within a document, import order across documents.
  std::sort(r.cands.begin(), r.cands.end(), [](const Candidate& a, const Candidate& b) {
    return a.score < b.score || (a.score == b.score && a.id < b.id);
  });
  return r;
}

// One read transaction around a search: one shared lock and one check of
// the journal for all its statements, not one per statement (thousands of
// fcntl and stat calls with a per-passage lookup each in autocommit mode).
class ReadTransaction {
 public:
  explicit ReadTransaction(SQLite::Database& db) : db_(db), own_(sqlite3_get_autocommit(db.getHandle()) != 0) {
    if (own_) db_.exec("BEGIN");
  }
  ~ReadTransaction() {
    if (own_ && !sqlite3_get_autocommit(db_.getHandle()))
      sqlite3_exec(db_.getHandle(), "COMMIT", nullptr, nullptr, nullptr);
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  SQLite::Database& db_;
  bool own_;
};

std::optional<double> opt_double(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getDouble();
}

}  // namespace

SQLite::Database open_search_database(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    try {
      SQLite::Database db(path, SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX);  // one thread (schema.cc)
      db.setBusyTimeout(10000);
      if (db.execAndGet("PRAGMA user_version").getInt() == latest_schema_version()) {
        tune_for_reading(db);
        return db;
      }
    } catch (const SQLite::Exception&) {
      // Not SQLite, a hot journal to roll back, ...: open_database says what it is or repairs it.
    }
  }
  SQLite::Database db = open_database(path, OpenMode::Existing);
  tune_for_reading(db);
  return db;
}

SearchResult search_passages(SQLite::Database& db, std::string_view query, const SearchOptions& options,
                             size_t candidates, SearchStats* stats) {
  ReadTransaction tx(db);
  Ranking r = rank(db, query, options, Keep::PassageFilters, candidates);
  SearchResult out;
  out.index = r.index;
  out.match = r.match;
  if (stats) *stats = r.stats;
  if (r.cands.empty() || options.limit == 0) return out;
  SQLite::Statement row(db,
                        "SELECT p.doc, coalesce(d.title, ''), p.span_start, p.span_end, p.text FROM passages p"
                        " JOIN documents d ON d.doc = p.doc WHERE p.id = ?");
  for (const Candidate& c : r.cands) {
    row.bind(1, static_cast<int64_t>(c.id));
    if (row.executeStep()) {
      SearchHit h;
      h.passage_id = c.id;
      h.doc = row.getColumn(0).getString();
      h.title = row.getColumn(1).getString();
      h.span_start = row.getColumn(2).getInt64();
      h.span_end = row.getColumn(3).getInt64();
      h.text = row.getColumn(4).getString();
      h.score = c.score;
      h.snippet = search::mark_snippet(h.text, r.marks, options.mark_open, options.mark_close, options.snippet_chars);
      out.hits.push_back(std::move(h));
    }
    row.reset();
    if (out.hits.size() >= options.limit) break;
  }
  return out;
}

SearchResult search_passages(SQLite::Database& db, std::string_view query, const SearchOptions& options) {
  return search_passages(db, query, options, kSearchCandidates);
}

ClaimSearchResult search_claims(SQLite::Database& db, std::string_view query, const SearchOptions& options,
                                size_t candidates, SearchStats* stats) {
  ReadTransaction tx(db);
  Ranking r = rank(db, query, options, Keep::ClaimFilters, candidates);
  ClaimSearchResult out;
  out.index = r.index;
  out.passages = r.cands.size();
  if (stats) *stats = r.stats;
  if (r.cands.empty() || options.limit == 0) return out;
  SQLite::Statement st(db,
                       "SELECT c.claim_id, c.passage_id, c.doc, c.quote, c.unit, c.qualifier, c.district, c.indicator,"
                       " c.indicator_code, c.modality, c.span_start, c.span_end, c.value, c.growth_pct, c.year"
                       " FROM claims_flat c WHERE c.passage_id = :passage" +
                           claim_conditions(options) + " ORDER BY c.span_start, c.claim_id");
  bind_filters(st, options);
  for (size_t rank0 = 0; rank0 < r.cands.size() && out.claims.size() < options.limit; ++rank0) {
    const Candidate& p = r.cands[rank0];
    st.bind(":passage", static_cast<int64_t>(p.id));
    while (out.claims.size() < options.limit && st.executeStep()) {
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
      c.passage_rank = rank0 + 1;
      out.claims.push_back(std::move(c));
    }
    st.reset();
  }
  return out;
}

ClaimSearchResult search_claims(SQLite::Database& db, std::string_view query, const SearchOptions& options) {
  return search_claims(db, query, options, kSearchCandidates);
}

}  // namespace claimdb
