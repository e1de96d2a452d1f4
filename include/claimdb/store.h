// The claims database: opening and migrating it, reading the import
// manifest, importing files (decode -> passages -> claims -> SQLite),
// searching passages and counting what is stored. The SQL schema lives in
// schema/NNN_*.sql (embedded); the tables are described in README.md.
//
// Every error is thrown as StoreError (or DecodeError from decode.h) with
// the file or database it concerns in the message.
#pragma once
#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace claimdb {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------- schema
// (src/store/schema.cc) A migration is one embedded schema/NNN_name.sql
// file; NNN is the schema version it produces (PRAGMA user_version).
struct Migration {
  int version;
  std::string name;  // file name, for messages
  std::string sql;
};

// The embedded migrations, in version order (1, 2, ... without gaps).
std::vector<Migration> embedded_migrations();

// What open_database() may do to the file.
enum class OpenMode {
  Create,    // create the file (and its directory) if missing
  Existing,  // the database must already exist
};

// Opens the database at `path`, refusing a file that is not SQLite, a
// SQLite file that is not a claims database, and one written by a newer
// schema (none of them is modified). Applies pending migrations and
// (re)loads the dimension tables when the embedded data changed, in one
// transaction. The connection has foreign keys on, a busy timeout, and
// keeps the rollback journal (not WAL).
SQLite::Database open_database(const std::string& path, OpenMode mode);
// The same with an explicit migration list (tests use this to add versions).
SQLite::Database open_database(const std::string& path, OpenMode mode,
                               const std::vector<Migration>& migrations);

// ---------------------------------------------------------------- manifest
// (src/store/manifest.cc) The CSV that gives each file its year, district
// and title: header with file,year,district,title and optionally
// date,source,url; UTF-8 with or without BOM; CRLF and quoted fields ok.
struct ManifestEntry {
  std::string file;         // as written in the manifest
  std::string doc;          // its document key (file name without extension)
  std::optional<int> year;  // empty cell: infer from the text
  std::string district, title, date, source, url;
  size_t line = 0;  // where the row starts in the manifest (1-based)
};

class Manifest {
 public:
  Manifest() = default;
  // Parses manifest text; `path` names it in errors ("manifest.csv:3: ...").
  // Throws StoreError for a missing column, bad year, duplicate file, bad CSV.
  static Manifest parse(std::string_view text, const std::string& path);
  static Manifest load(const std::filesystem::path& path);

  const ManifestEntry* find(std::string_view doc) const;
  const std::vector<ManifestEntry>& entries() const { return entries_; }
  const std::string& path() const { return path_; }

 private:
  std::vector<ManifestEntry> entries_;
  std::map<std::string, size_t, std::less<>> by_doc_;  // doc -> index into entries_
  std::string path_;
};

// ---------------------------------------------------------------- inputs
// (src/store/inputs.cc)
// The document key of a file: its name without the extension.
std::string doc_key(const std::filesystem::path& file);

// Files named on the command line: each file as given, each directory's
// *.txt files recursively; sorted (as paths: component by component),
// without duplicates. A path that does not exist is returned too (importing
// it then fails with a clear error). Plain strings, because a corpus may
// hold a million files and a std::filesystem::path keeps each of its
// components as a path of its own (560 bytes a file here, 120 as a string).
std::vector<std::string> collect_inputs(const std::vector<std::string>& args);

// The bytes of `file` (StoreError naming it when unreadable); "-" reads stdin.
std::string read_file_bytes(const std::filesystem::path& file);

// ---------------------------------------------------------------- importer
// (src/store/importer.cc)
struct ImportOptions {
  bool lossy = false;  // replace invalid byte sequences instead of failing the file
  bool force = false;  // re-import even when the bytes are unchanged
  // Text is split, extracted and written in parts of at most about this many
  // bytes, cut at paragraph breaks, so a huge file is held once. Articles
  // are one part; a time or place stated in one part does not carry into
  // the next.
  size_t part_bytes = 2u << 20;
};

enum class ImportStatus { New, Replaced, Unchanged };

struct FileImport {
  std::string doc;
  ImportStatus status = ImportStatus::Unchanged;
  size_t bytes = 0;
  size_t passages = 0;  // written now (0 when unchanged)
  size_t claims = 0;
  bool lossy = false;   // invalid bytes were replaced
};

// Imports files into an open database, one transaction per file. Holds the
// extractor and the prepared statements, so create one per import run.
class Importer {
 public:
  // `manifest` may be null; it must outlive the importer.
  Importer(SQLite::Database& db, const Manifest* manifest, ImportOptions options);
  ~Importer();
  Importer(const Importer&) = delete;
  Importer& operator=(const Importer&) = delete;

  // Imports one file. Throws (StoreError, DecodeError) naming the file; the
  // database is then exactly as before the call.
  FileImport import_file(const std::filesystem::path& file);

  // After the last file: refreshes statistics, the full-text index and the
  // report tables. Call once, whether or not files failed.
  void finish();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Canned reports (queries/*.sql) stored as tables report_<name>: rebuilt
// after an import and marked current, in meta, until the next write
// (mark_reports_stale) or a claimdb whose queries differ.
void refresh_reports(SQLite::Database& db);
bool reports_current(SQLite::Database& db);
void mark_reports_stale(SQLite::Database& db);

// ---------------------------------------------------------------- search
// (src/store/search.cc; query syntax in src/store/search_query.h) Two
// full-text indexes: passages_fts (trigram, substrings of 3+ characters as
// written) and passages_words (schema/002_words.sql: NFKC_Casefold,
// ICU-segmented words and single ideographs, any length).
enum class SearchIndex { Auto, Trigram, Words };

struct SearchOptions {
  size_t limit = 10;
  std::string mark_open = "【";  // put around each hit
  std::string mark_close = "】";
  size_t snippet_chars = 80;     // longest snippet in characters; 0 for the whole passage
  SearchIndex index = SearchIndex::Auto;  // Auto: the index the query needs (search::choose_index)
  // Filters; empty or unset means any. A passage passes when its document or
  // one of its claims has the district (full or short name) and the year;
  // --indicator needs a claim with that indicator (code, name or phrase).
  // With search_claims() they filter the claims themselves.
  std::string doc, district, indicator;
  std::optional<int> year;
};

struct SearchHit {
  std::string doc, title;
  long long passage_id = 0;
  long long span_start = 0, span_end = 0;  // of the passage, code points into the body
  std::string text;                        // the whole passage
  std::string snippet;                     // the passage around the hits, hits marked
  double score = 0;                        // bm25 (lower is better)
};

struct SearchResult {
  std::vector<SearchHit> hits;
  SearchIndex index = SearchIndex::Words;  // the index that answered
  std::string match;                       // the FTS5 expression it ran
};

// Passages matching `query`, best first (bm25, then document order).
// Throws StoreError for an empty or malformed query.
SearchResult search_passages(SQLite::Database& db, std::string_view query, const SearchOptions& options);

// A claim (claims_flat) in a passage that matches a query.
struct ClaimHit {
  long long claim_id = 0, passage_id = 0;
  std::string doc, quote, unit, qualifier, district, indicator, indicator_code, modality;
  long long span_start = 0, span_end = 0;
  std::optional<double> value, growth_pct;
  std::optional<int> year;
  size_t passage_rank = 0;  // 1-based rank of its passage among the matches
};

struct ClaimSearchResult {
  std::vector<ClaimHit> claims;  // by passage rank, then position in the text
  size_t passages = 0;           // passages that matched
  SearchIndex index = SearchIndex::Words;
};

// The claims in the passages matching `query` (every matching passage,
// options.limit claims at most), filtered by the claims' own district,
// year and indicator.
ClaimSearchResult search_claims(SQLite::Database& db, std::string_view query, const SearchOptions& options);

// ---------------------------------------------------------------- stats
// (src/store/stats.cc)
struct StatsRow {
  std::string key;  // a district name or a year; "(none)" when unknown
  long long documents = 0, claims = 0;
};

struct Stats {
  long long documents = 0, passages = 0, claims = 0;
  int schema_version = 0;
  std::vector<StatsRow> by_district;  // documents by their district, claims by theirs
  std::vector<StatsRow> by_year;
};

Stats collect_stats(SQLite::Database& db);

}  // namespace claimdb
