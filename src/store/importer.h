// Importing many files on two threads (issue #6). SQLite has one writer,
// and the FTS5 index is most of its work, so everything before the database
// runs on a reader thread in parallel with it: read, hash (an unchanged file
// stops here, before any other work), decode, split, extract, check the
// claim contract. Prepared documents reach the writer (the calling thread)
// through a bounded queue, so memory stays flat however large the corpus:
// it holds at most queue_bytes of prepared files (or parts of a large file,
// see ImportOptions::part_bytes), each body once (passage texts are slices
// of it). The queue is deep enough for the reader to keep working while the
// writer indexes the passages written (every index_bytes of files).
//
// Transactions: whole documents are batched, each in its own SAVEPOINT, and
// the batch commits after batch_bytes or batch_seconds. A document that
// fails rolls back to its savepoint and is reported; the documents before
// it stay, exactly as with one transaction per file. The parts of a large
// file share one savepoint and no commit falls between them. A batch is committed
// before any of its files is reported as imported. An interrupted run
// (crash, kill) loses at most the uncommitted batch, never earlier ones,
// and the file stays consistent (rollback journal).
#pragma once
#include <SQLiteCpp/Database.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "claimdb/store.h"

namespace claimdb {

struct PipelineOptions {
  size_t queue_bytes = 8u << 20;          // prepared documents (or parts) waiting for the writer: their text
                                          // and segmented forms (Work::bytes); at least one is held
  size_t batch_bytes = 16u << 20;         // commit after this many bytes of written files...
  double batch_seconds = 5.0;             // ...or this long after the batch began
  size_t index_bytes = 2u << 20;          // index the batch's passages after this many bytes of written files,
                                          // so the reader is not held up long while the writer indexes
  size_t memory_journal_bytes = 128u << 10;  // a batch that begins with a file up to this size (and replacing
                                          // a stored version up to this size) keeps its savepoint journal in
                                          // memory; a larger one commits such a batch first and begins one
                                          // with the journal on disk (see ImportPipeline::run)
  const std::atomic<bool>* stop = nullptr;  // when set: stop after the current document, commit, return
};

// What happened to one file.
struct FileOutcome {
  std::filesystem::path file;
  FileImport result;  // valid when error is empty
  std::string error;  // names the file; empty on success (imported or unchanged)
};

class ImportPipeline {
 public:
  // `manifest` may be null; it must outlive the pipeline.
  ImportPipeline(SQLite::Database& db, const Manifest* manifest, ImportOptions options, PipelineOptions pipeline = {});
  ~ImportPipeline();
  ImportPipeline(const ImportPipeline&) = delete;
  ImportPipeline& operator=(const ImportPipeline&) = delete;

  // Imports `files` in order. `on_done` is called on the calling thread for
  // every file, in order, once the transaction holding it has committed.
  // Two files with the same document key: the second fails. Returns false
  // when options.stop ended the run early (the remaining files untouched).
  bool run(const std::vector<std::string>& files, const std::function<void(const FileOutcome&)>& on_done);

  // After the last run, as Importer::finish: FTS merge, ANALYZE and report
  // tables when something changed.
  void finish();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimdb
