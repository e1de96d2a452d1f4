#include "store/dimensions.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "claimdb/store.h"
#include "util/resources.h"
#include "util/sha256.h"
#include "util/tsv.h"

namespace claimdb {

namespace {

struct Dimension {
  const char* table;
  const char* tsv;
  std::vector<const char*> columns;  // the first is the primary key; TSV columns have the same names
};

// Parents before children: unit_words.unit references units.code.
const std::vector<Dimension>& dimensions() {
  static const std::vector<Dimension> dims = {
      {"units", "units.tsv", {"code", "dimension", "name_zh", "name_en", "base_unit", "factor"}},
      {"unit_words", "unit_words.tsv", {"word", "unit", "factor", "counting"}},
      {"indicators", "indicators.tsv", {"code", "name_zh", "aliases", "name_en", "category"}},
      {"districts", "districts.tsv", {"code", "name", "short_name", "level", "parent_code", "province", "city"}},
  };
  return dims;
}

std::string meta_key(const Dimension& d) { return std::string("sha256:") + d.tsv; }

// Hashing districts.tsv (a few MB) once per process is enough.
const std::string& embedded_hash(const Dimension& d) {
  static std::unordered_map<std::string, std::string> cache;
  auto it = cache.find(d.tsv);
  if (it == cache.end()) it = cache.emplace(d.tsv, sha256_hex(resource(d.tsv))).first;
  return it->second;
}

std::string stored_hash(SQLite::Database& db, const Dimension& d) {
  SQLite::Statement q(db, "SELECT value FROM meta WHERE key = ?");
  q.bind(1, meta_key(d));
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void reload(SQLite::Database& db, const Dimension& d) {
  TsvTable tsv = load_tsv_resource(d.tsv);
  std::vector<size_t> idx;
  for (const char* c : d.columns) idx.push_back(tsv.col(c));

  // INSERT ... ON CONFLICT DO UPDATE keeps rows that claims reference in
  // place, which DELETE + INSERT (or REPLACE) would not under foreign keys.
  std::string cols, params, updates;
  for (size_t i = 0; i < d.columns.size(); ++i) {
    cols += (i ? ", " : "") + std::string(d.columns[i]);
    params += i ? ", ?" : "?";
    if (i) updates += std::string(i > 1 ? ", " : "") + d.columns[i] + " = excluded." + d.columns[i];
  }
  SQLite::Statement upsert(db, "INSERT INTO " + std::string(d.table) + " (" + cols + ") VALUES (" + params +
                                   ") ON CONFLICT(" + d.columns[0] + ") DO UPDATE SET " + updates);
  std::unordered_set<std::string> keys;
  for (const auto& row : tsv.rows) {
    for (size_t i = 0; i < idx.size(); ++i) {
      const std::string& v = row[idx[i]];
      // Empty cells are unknown values; column affinity turns numeric text into numbers.
      if (v.empty())
        upsert.bind(int(i + 1));
      else
        upsert.bind(int(i + 1), v);
    }
    upsert.exec();
    upsert.reset();
    keys.insert(row[idx[0]]);
  }

  // Rows that left the TSV go, except those stored claims still point to
  // (the foreign key refuses the delete); they leave with those claims.
  std::vector<std::string> stale;
  SQLite::Statement all(db, "SELECT " + std::string(d.columns[0]) + " FROM " + d.table);
  while (all.executeStep()) {
    std::string k = all.getColumn(0).getString();
    if (!keys.count(k)) stale.push_back(std::move(k));
  }
  SQLite::Statement del(db, "DELETE FROM " + std::string(d.table) + " WHERE " + d.columns[0] + " = ?");
  for (const auto& k : stale) {
    del.bind(1, k);
    try {
      del.exec();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
    }
    del.reset();
  }

  SQLite::Statement set(db, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  set.bind(1, meta_key(d));
  set.bind(2, embedded_hash(d));
  set.exec();
}

}  // namespace

bool dimensions_stale(SQLite::Database& db) {
  for (const auto& d : dimensions())
    if (stored_hash(db, d) != embedded_hash(d)) return true;
  return false;
}

void load_dimensions(SQLite::Database& db) {
  for (const auto& d : dimensions()) {
    if (stored_hash(db, d) == embedded_hash(d)) continue;
    try {
      reload(db, d);
    } catch (const std::exception& e) {
      throw StoreError(std::string("loading ") + d.tsv + " into table " + d.table + ": " + e.what());
    }
  }
}

}  // namespace claimdb
