// Writes one document with its passages and claims, replacing whatever was
// stored under its key, in one transaction. Statements are prepared once
// and reused, so keep one writer for a whole import.
//
// The work is split so that an import can check and prepare a document on
// one thread (prepare_document: the contract checks, passage byte offsets)
// while another writes earlier ones (DocumentWriter::write, inside a
// transaction or savepoint the caller holds).
#pragma once
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <functional>
#include <memory>
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

// A document, or one part of it, checked against the claim contract and
// ready to be written. A large file is prepared and written in parts (see
// ImportOptions::part_bytes): the first part (head) replaces the stored
// document and writes its row, later parts add their passages and claims.
// All parts share the body, so the text is held once; a passage's text is a
// byte range of it.
struct PreparedDocument {
  DocumentRecord d;                         // the row; its body has moved to `body`
  std::shared_ptr<const std::string> body;  // the whole body, UTF-8
  bool head = true;                         // the first (or only) part
  size_t first_seq = 0;                     // seq of passages[0] in the document
  std::vector<Passage> passages;            // offsets into the whole body
  std::vector<std::pair<size_t, size_t>> passage_bytes;  // [begin, end) byte offsets into *body
  std::vector<Claim> claims;                              // offsets into the whole body
  std::vector<std::optional<size_t>> claim_passage;  // index into passages of the passage holding each claim
  // Optional, per passage: claimdb_words()/claimdb_chars() of its text,
  // computed ahead of the writer (see ImportPipeline); empty when not.
  std::vector<std::string> passage_words, passage_chars;
};

// Checks every claim against the body (span inside it, quote equal to the
// text there) and every passage's span; throws StoreError naming
// d.source_path on a violation. `body32` is d.body as UTF-32.
PreparedDocument prepare_document(DocumentRecord d, std::u32string_view body32, std::vector<Passage> passages,
                                  std::vector<Claim> claims);

// The same for one part: `part32` is the code points of (*body)[byte_begin,
// byte_end), which start at code point `cp_begin` of the body; `passages`
// and `claims` have offsets into `part32`, the result into the whole body.
// `d` needs no body (only its key and path are used by later parts).
PreparedDocument prepare_part(DocumentRecord d, std::shared_ptr<const std::string> body, size_t byte_begin,
                              size_t byte_end, size_t cp_begin, std::u32string_view part32,
                              std::vector<Passage> passages, std::vector<Claim> claims);

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

  // Deletes the stored document and writes this one (a head part), or adds
  // a later part's passages and claims, without a transaction of its own:
  // call it inside one (or a savepoint) that holds all parts of the
  // document. On an exception the caller rolls back and calls reset().
  void write(const PreparedDocument& p);

  // Called with the document and the passage's index right before each
  // passage row is inserted (the import uses it to hand precomputed
  // segmentation to its SQL functions).
  std::function<void(const PreparedDocument&, size_t)> before_passage;
  // When set, receives the id of every passage written (the import indexes
  // them for search per batch: store/batch_fts.h).
  std::vector<int64_t>* written_passages = nullptr;

  // Makes the statements usable again after a failure.
  void reset();

 private:
  SQLite::Database& db_;
  SQLite::Statement find_doc_, del_claims_, del_passages_, del_doc_, ins_doc_, ins_claim_;
  // The passage insert as a raw statement: SQLiteCpp cannot bind a text
  // slice without copying it, and passages are most of the bytes written.
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> ins_passage_raw_;
};

}  // namespace claimdb
