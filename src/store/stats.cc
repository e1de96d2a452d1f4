// Counts of what a database holds, for `claimdb stats` and setup's report.
#include <SQLiteCpp/Statement.h>

#include "claimdb/store.h"

namespace claimdb {

namespace {

// Documents counted by their own column, claims by theirs: a document about
// 海曙区 may hold claims about 宁波市.
std::vector<StatsRow> grouped(SQLite::Database& db, const std::string& key_expr, const std::string& order) {
  SQLite::Statement st(db,
      "SELECT k, sum(nd), sum(nc) FROM ("
      "  SELECT coalesce(" + key_expr + ", '(none)') AS k, 1 AS nd, 0 AS nc FROM documents"
      "  UNION ALL"
      "  SELECT coalesce(" + key_expr + ", '(none)'), 0, 1 FROM claims"
      ") GROUP BY k ORDER BY " + order);
  std::vector<StatsRow> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getString(), st.getColumn(1).getInt64(), st.getColumn(2).getInt64()});
  return out;
}

}  // namespace

Stats collect_stats(SQLite::Database& db) {
  Stats s;
  s.schema_version = db.execAndGet("PRAGMA user_version").getInt();
  s.documents = db.execAndGet("SELECT count(*) FROM documents").getInt64();
  s.passages = db.execAndGet("SELECT count(*) FROM passages").getInt64();
  s.claims = db.execAndGet("SELECT count(*) FROM claims").getInt64();
  s.by_district = grouped(db, "district", "sum(nd) DESC, sum(nc) DESC, k");
  s.by_year = grouped(db, "CAST(year AS TEXT)", "k");
  return s;
}

}  // namespace claimdb
