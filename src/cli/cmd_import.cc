// `claimdb import`: files and directories into the database, each document
// atomically (see store/importer.h); a bad file is reported and skipped.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "claimdb/store.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "store/context.h"
#include "store/importer.h"

namespace claimdb::cli {

namespace {

struct ImportArgs {
  std::string db = kDefaultDb;
  std::string manifest;
  bool lossy = false;
  bool force = false;
  std::vector<std::string> paths;
};

struct Totals {
  size_t files = 0, fresh = 0, replaced = 0, unchanged = 0, failed = 0;
  size_t passages = 0, claims = 0, bytes = 0;
};

std::string mb(size_t bytes) {
  char buf[32];
  snprintf(buf, sizeof buf, bytes < 10e6 ? "%.2f MB" : "%.0f MB", bytes / 1e6);
  return buf;
}

// One status line on a terminal, rewritten in place; nothing otherwise.
class Progress {
 public:
  explicit Progress(size_t total) : total_(total), on_(stderr_is_tty()), start_(std::chrono::steady_clock::now()) {}
  void show(const Totals& t, const std::string& current) {
    if (!on_) return;
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    char rate[32];
    snprintf(rate, sizeof rate, "%.1f MB/s", secs > 0 ? t.bytes / 1e6 / secs : 0.0);
    std::cerr << "\r\x1b[K[" << t.files << "/" << total_ << "] " << mb(t.bytes) << ", " << thousands(t.claims)
              << " claims, " << rate << "  " << current << std::flush;
  }
  void clear() {
    if (on_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  size_t total_;
  bool on_;
  std::chrono::steady_clock::time_point start_;
};

int run_import(const ImportArgs& a) {
  auto t0 = std::chrono::steady_clock::now();
  // A broken manifest stops everything before the database is touched.
  std::unique_ptr<Manifest> manifest;
  if (!a.manifest.empty()) manifest = std::make_unique<Manifest>(Manifest::load(a.manifest));

  auto files = collect_inputs(a.paths);
  if (files.empty()) throw StoreError("no .txt files found in the given paths");

  SQLite::Database db = open_database(a.db, OpenMode::Create);
  // Read, decode and extract on a second thread while this one writes.
  ImportPipeline importer(db, manifest.get(), {a.lossy, a.force});

  Totals t;
  Progress progress(files.size());
  std::set<std::string> seen;  // doc keys among the inputs, for the manifest note
  for (const auto& file : files) seen.insert(doc_key(file));
  importer.run(files, [&](const FileOutcome& o) {
    ++t.files;
    if (!o.error.empty()) {
      ++t.failed;
      progress.clear();
      std::cerr << "claimdb: error: " << o.error << "\n";
      progress.show(t, o.file.string());
      return;
    }
    const FileImport& r = o.result;
    t.bytes += r.bytes;
    t.passages += r.passages;
    t.claims += r.claims;
    switch (r.status) {
      case ImportStatus::New: ++t.fresh; break;
      case ImportStatus::Replaced: ++t.replaced; break;
      case ImportStatus::Unchanged: ++t.unchanged; break;
    }
    if (r.lossy) {
      progress.clear();
      std::cerr << "claimdb: warning: " << o.file.string() << ": invalid bytes were replaced (--lossy)\n";
    }
    progress.show(t, o.file.string());
  });
  progress.clear();
  try {
    importer.finish();
  } catch (const std::exception& e) {
    throw StoreError(with_context(a.db, e.what()));
  }

  // A manifest row that matches no file in an imported directory is likely a
  // typo in the manifest; importing single files says nothing about the rest.
  bool any_dir = std::any_of(a.paths.begin(), a.paths.end(), [](const std::string& p) {
    std::error_code ec;
    return std::filesystem::is_directory(p, ec);
  });
  if (manifest && any_dir) {
    std::vector<std::string> missing;
    for (const auto& e : manifest->entries())
      if (!seen.count(e.doc)) missing.push_back(e.file);
    if (!missing.empty()) {
      std::cerr << "claimdb: note: " << missing.size() << " file(s) in " << manifest->path()
                << " were not among the imported paths:";
      for (size_t i = 0; i < missing.size() && i < 5; ++i) std::cerr << " " << missing[i];
      std::cerr << (missing.size() > 5 ? " ...\n" : "\n");
    }
  }

  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  char took[32];
  snprintf(took, sizeof took, "%.1f s", secs);
  std::cout << "imported " << thousands(t.files) << (t.files == 1 ? " file (" : " files (") << t.fresh << " new, " << t.replaced << " replaced, "
            << t.unchanged << " unchanged, " << t.failed << " failed), " << thousands(t.passages) << " passages, "
            << thousands(t.claims) << " claims in " << took << " into " << a.db << "\n";
  return t.failed ? 1 : 0;
}

}  // namespace

Command add_import_command(CLI::App& app) {
  auto a = std::make_shared<ImportArgs>();
  CLI::App* sub = app.add_subcommand("import", "Import text files (and directories of *.txt) into the database");
  sub->add_option("--db", a->db, "Database file (created if missing)")->capture_default_str();
  sub->add_option("--manifest", a->manifest,
                  "CSV with columns file,year,district,title (and optionally date,source,url)");
  sub->add_flag("--lossy", a->lossy, "Replace invalid byte sequences instead of rejecting the file");
  sub->add_flag("--force", a->force, "Re-import files even when their bytes are unchanged");
  sub->add_option("PATH", a->paths, "Files, or directories searched recursively for *.txt")->required();
  sub->footer(
      "Each file is one document, keyed by its name without extension, imported in its own\n"
      "transaction: a file whose bytes are unchanged is skipped, a changed one replaces its\n"
      "document, and a bad file is reported while the others still import (exit status 1).\n\n"
      "Example:\n"
      "  claimdb import --db db/claims.db --manifest ../shared/corpus/manifest.csv ../shared/corpus\n"
      "  sqlite3 db/claims.db \"SELECT doc, quote, value, unit, year FROM claims_flat LIMIT 5\"");
  return {sub, [a] { return run_import(*a); }};
}

}  // namespace claimdb::cli
