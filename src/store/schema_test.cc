// Opening databases: creation, forward migration, refusal of newer and
// foreign files without touching them, and dimension table loading.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "claimdb/store.h"
#include "store/testing.h"
#include "util/tsv.h"

namespace claimdb {
namespace {

using testing::TempDir;

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

std::string open_error(const std::string& path) {
  try {
    open_database(path, OpenMode::Create);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "";
}

TEST(Schema, EmbeddedMigrationsAreNumberedFromOne) {
  auto m = embedded_migrations();
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m.front().name, "001_init.sql");
  for (size_t i = 0; i < m.size(); ++i) EXPECT_EQ(m[i].version, int(i + 1));
}

TEST(Schema, CreatesDatabaseWithDimensionTables) {
  TempDir dir;
  auto path = (dir / "sub/claims.db").string();  // the directory is created too
  auto db = open_database(path, OpenMode::Create);
  EXPECT_EQ(user_version(db), int(embedded_migrations().size()));
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM units").getInt(), int(load_tsv_resource("units.tsv").rows.size()));
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM unit_words").getInt(),
            int(load_tsv_resource("unit_words.tsv").rows.size()));
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM indicators").getInt(),
            int(load_tsv_resource("indicators.tsv").rows.size()));
  EXPECT_GT(db.execAndGet("SELECT count(*) FROM districts").getInt(), 40000);
  EXPECT_EQ(db.execAndGet("SELECT name FROM districts WHERE code = '330203'").getString(), "海曙区");
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "delete");
  EXPECT_EQ(db.execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

TEST(Schema, ReopeningChangesNothing) {
  TempDir dir;
  auto path = (dir / "c.db").string();
  { open_database(path, OpenMode::Create); }
  auto before = testing::read_all(path);
  { open_database(path, OpenMode::Create); }
  EXPECT_EQ(testing::read_all(path), before);
}

TEST(Schema, MigratesForwardOneVersionAtATime) {
  TempDir dir;
  auto path = (dir / "c.db").string();
  auto v1 = embedded_migrations();
  { open_database(path, OpenMode::Create, v1); }
  auto v2 = v1;
  v2.push_back({int(v1.size()) + 1, "099_test.sql", "CREATE TABLE added_later (x INTEGER); INSERT INTO added_later VALUES (7);"});
  auto db = open_database(path, OpenMode::Existing, v2);
  EXPECT_EQ(user_version(db), int(v2.size()));
  EXPECT_EQ(db.execAndGet("SELECT x FROM added_later").getInt(), 7);
}

TEST(Schema, FailedMigrationLeavesOldVersion) {
  TempDir dir;
  auto path = (dir / "c.db").string();
  auto v1 = embedded_migrations();
  { open_database(path, OpenMode::Create, v1); }
  auto v2 = v1;
  v2.push_back({int(v1.size()) + 1, "099_bad.sql", "CREATE TABLE ok_table (x); THIS IS NOT SQL;"});
  try {
    open_database(path, OpenMode::Existing, v2);
    FAIL() << "expected an error";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("099_bad.sql"), std::string::npos) << e.what();
  }
  SQLite::Database db(path);
  EXPECT_EQ(user_version(db), int(v1.size()));
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'ok_table'").getInt(), 0);
}

TEST(Schema, RefusesNewerVersionWithoutTouchingIt) {
  TempDir dir;
  auto path = (dir / "c.db").string();
  { open_database(path, OpenMode::Create); }
  { SQLite::Database raw(path, SQLite::OPEN_READWRITE); raw.exec("PRAGMA user_version = 999"); }
  auto before = testing::read_all(path);
  std::string e = open_error(path);
  EXPECT_NE(e.find(path), std::string::npos) << e;
  EXPECT_NE(e.find("newer"), std::string::npos) << e;
  EXPECT_EQ(testing::read_all(path), before);
}

TEST(Schema, RefusesFilesThatAreNotSqlite) {
  TempDir dir;
  auto path = (dir / "notes.db").string();
  testing::write_file(path, "这不是数据库, just some text that is long enough to be a header");
  std::string e = open_error(path);
  EXPECT_NE(e.find(path), std::string::npos) << e;
  EXPECT_NE(e.find("not a SQLite database"), std::string::npos) << e;
  EXPECT_EQ(testing::read_all(path), "这不是数据库, just some text that is long enough to be a header");
}

TEST(Schema, RefusesOtherSqliteDatabases) {
  TempDir dir;
  auto path = (dir / "other.db").string();
  { SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); raw.exec("CREATE TABLE t (x)"); }
  auto before = testing::read_all(path);
  std::string e = open_error(path);
  EXPECT_NE(e.find("not a claims database"), std::string::npos) << e;
  EXPECT_EQ(testing::read_all(path), before);
}

TEST(Schema, ExistingModeNeedsTheFile) {
  TempDir dir;
  auto path = (dir / "missing.db").string();
  EXPECT_THROW(open_database(path, OpenMode::Existing), StoreError);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Schema, ReloadsDimensionTablesWhenTheirDataChanged) {
  TempDir dir;
  auto path = (dir / "c.db").string();
  {
    auto db = open_database(path, OpenMode::Create);
    // Simulate an older binary's data: a changed row, a stale row, a different hash.
    db.exec("UPDATE units SET name_en = 'old' WHERE code = 'CNY'");
    db.exec("INSERT INTO units (code, dimension) VALUES ('obsolete', 'count')");
    db.exec("UPDATE meta SET value = 'x' WHERE key = 'sha256:units.tsv'");
  }
  auto db = open_database(path, OpenMode::Existing);
  EXPECT_EQ(db.execAndGet("SELECT name_en FROM units WHERE code = 'CNY'").getString(), "Chinese yuan");
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM units WHERE code = 'obsolete'").getInt(), 0);
}

}  // namespace
}  // namespace claimdb
