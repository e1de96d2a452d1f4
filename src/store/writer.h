// Writes one document with its passages and claims, replacing whatever was
// stored under its key, in one transaction. Statements are prepared once
// and reused, so keep one writer for a whole import.
#pragma once
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimdb/claim.h"
#include "claimdb/passages.h"

namespace claimdb {

// A row of `documents` (see schema/001_init.sql).
struct DocumentRecord {
  std::string doc, title;
  std::optional<int> year;
  std::string year_basis = "none";  // manifest, inferred, none
  std::string district, date, source, url;
  std::string source_path, sha256, encoding;
  size_t byte_size = 0;
  bool lossy = false;
  std::string body;  // UTF-8, exactly as decoded
};

class DocumentWriter {
 public:
  explicit DocumentWriter(SQLite::Database& db);

  // The sha256 stored for `doc`, or nothing when it is not stored.
  std::optional<std::string> stored_sha256(const std::string& doc);

  // Checks every claim against the body (span inside it, quote equal to the
  // text there), then deletes the stored document and writes this one.
  // Throws StoreError on a bad claim; the database is then unchanged.
  // `body32` is d.body as UTF-32 (offsets are code points).
  void replace(const DocumentRecord& d, std::u32string_view body32, const std::vector<Passage>& passages,
               const std::vector<Claim>& claims);

  // Makes the statements usable again after a failure.
  void reset();

 private:
  SQLite::Database& db_;
  SQLite::Statement find_doc_, del_claims_, del_passages_, del_doc_, ins_doc_, ins_passage_, ins_claim_;
};

}  // namespace claimdb
