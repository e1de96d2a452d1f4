// Opening a claims database: refusing files that are not ours or are
// newer, then bringing the schema and dimension tables up to date.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "claimdb/store.h"
#include "store/context.h"
#include "store/dimensions.h"
#include "store/text_functions.h"
#include "util/resources.h"

namespace claimdb {

namespace fs = std::filesystem;

namespace {

// A migration file is named NNN_something.sql (three digits); other
// embedded .sql files are report queries.
std::optional<int> migration_version(std::string_view name) {
  if (name.size() < 9 || name.substr(name.size() - 4) != ".sql" || name[3] != '_') return std::nullopt;
  for (int i = 0; i < 3; ++i)
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
  return std::stoi(std::string(name.substr(0, 3)));
}

// Every SQLite database file starts with this 16-byte header; an empty file
// is a valid empty database to SQLite.
void check_is_sqlite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StoreError(path + ": cannot open: " + std::strerror(errno));
  char header[16] = {};
  in.read(header, sizeof header);
  auto got = in.gcount();
  if (got == 0) return;
  if (got < 16 || std::memcmp(header, "SQLite format 3", 16) != 0)
    throw StoreError(path + ": not a SQLite database (refusing to touch it)");
}

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

void check_migrations(const std::vector<Migration>& migrations) {
  if (migrations.empty()) throw StoreError("no schema migrations embedded (schema/NNN_*.sql)");
  for (size_t i = 0; i < migrations.size(); ++i)
    if (migrations[i].version != int(i + 1))
      throw StoreError("schema migrations must be numbered 001, 002, ... without gaps; found " +
                       migrations[i].name + " at position " + std::to_string(i + 1));
}

// Rejects what must not be touched; returns the file's schema version.
int check_version(SQLite::Database& db, const std::string& path, int latest) {
  int v = user_version(db);
  if (v > latest)
    throw StoreError(path + ": database schema version " + std::to_string(v) +
                     " is newer than this claimdb supports (" + std::to_string(latest) +
                     "); use a newer claimdb (the file was not changed)");
  if (v == 0 && db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0)
    throw StoreError(path + ": a SQLite database but not a claims database (it has tables and no schema version); "
                            "refusing to touch it");
  return v;
}

}  // namespace

std::vector<Migration> embedded_migrations() {
  std::vector<Migration> out;
  for (const auto& name : resource_names(".sql"))
    if (auto v = migration_version(name)) out.push_back({*v, name, std::string(resource(name))});
  return out;  // resource_names() is sorted, so this is in version order
}

SQLite::Database open_database(const std::string& path, OpenMode mode) {
  return open_database(path, mode, embedded_migrations());
}

SQLite::Database open_database(const std::string& path, OpenMode mode, const std::vector<Migration>& migrations) {
  check_migrations(migrations);
  const int latest = migrations.back().version;

  std::error_code ec;
  bool exists = fs::exists(path, ec);
  if (!exists && mode == OpenMode::Existing)
    throw StoreError(path + ": no such database (create it with: claimdb import --db " + path + " FILES...)");
  if (exists) {
    if (fs::is_directory(path, ec)) throw StoreError(path + ": is a directory, not a database file");
    check_is_sqlite(path);
  } else {
    fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);  // a failure shows up as SQLite's open error
  }

  try {
    // NOMUTEX: claimdb never uses one connection from two threads at once
    // (the import's reader thread does not touch it), and the serialized
    // mode's lock around every sqlite3_column_*() call was a tenth of the
    // time of printing a large report.
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    db.setBusyTimeout(10000);
    // Segmentation for the word index triggers (schema/002_words.sql).
    if (register_text_functions(db.getHandle()) != SQLITE_OK) throw StoreError(path + ": cannot register SQL functions");
    int v = check_version(db, path, latest);
    // Foreign keys are per connection and cannot change inside a transaction.
    db.exec("PRAGMA foreign_keys = ON");

    if (v < latest || dimensions_stale(db)) {
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      v = check_version(db, path, latest);  // another process may have upgraded it meanwhile
      for (const auto& m : migrations) {
        if (m.version <= v) continue;
        try {
          db.exec(m.sql);
        } catch (const SQLite::Exception& e) {
          throw StoreError(path + ": applying schema " + m.name + ": " + e.what());
        }
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
      }
      load_dimensions(db);
      tx.commit();
    }

    // Analysts and BI tools open the file read-only, often from other
    // machines: a single self-contained file (no -wal/-shm) suits them.
    if (db.execAndGet("PRAGMA journal_mode").getString() != "delete") db.exec("PRAGMA journal_mode = DELETE");
    return db;
  } catch (const std::exception& e) {
    throw StoreError(with_context(path, e.what()));
  }
}

}  // namespace claimdb
