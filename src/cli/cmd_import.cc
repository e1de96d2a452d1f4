// `claimdb import`: files and directories into the database, each document
// atomically (see store/importer.h); a bad file is reported and skipped.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include <sqlite3.h>

#include "claimdb/gazetteer.h"
#include "claimdb/store.h"
#include "extract/lexicon.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "store/context.h"
#include "store/importer.h"
#include "util/utf.h"

namespace claimdb::cli {

namespace {

struct ImportArgs {
  std::string db = kDefaultDb;
  std::string manifest;
  bool lossy = false;
  bool force = false;
  double batch_mb = 16;
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

// SIGINT/SIGTERM: finish the current document, commit, report and exit
// 128 + signal. The handler restores the default action, so a second
// signal ends the process at once (safe too: an uncommitted batch rolls back).
std::atomic<bool> g_stop{false};
volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_stop_signal(int sig) {
  g_signal = sig;
  g_stop.store(true);
  std::signal(sig, SIG_DFL);
}

// A district the gazetteer does not know would be stored as written and
// match no claim's place: refuse it like any other manifest error (海曙县).
// A village or a town below the gazetteer's towns (桐木村, 吉林镇) is a real
// place it cannot hold: kept as written, without a code, with a note.
void check_manifest_districts(const Manifest& m) {
  const auto& lex = extract::Lexicon::instance();
  for (const auto& e : m.entries()) {
    if (e.district.empty() || !Gazetteer::instance().lookup(e.district).empty()) continue;
    const std::u32string name = utf8_to_u32(e.district);
    bool local = false;
    for (auto kind : {extract::CueKind::VillageSuffix, extract::CueKind::TownSuffix}) {
      size_t start = 0;
      local = local || (lex.cues(kind).ending_at(name, name.size(), &start, false) && start >= 2);
    }
    if (!local)
      throw StoreError(m.path() + ":" + std::to_string(e.line) + ": unknown district '" + e.district + "' for " +
                       e.file + " (not a GB/T 2260 division name such as 海曙区; leave it empty if unknown)");
    std::cerr << "claimdb: note: " << m.path() << ":" << e.line << ": district '" << e.district << "' for " << e.file
              << " is below the gazetteer's towns: kept as written, without a GB/T 2260 code\n";
  }
}

int run_import(const ImportArgs& a) {
  auto t0 = std::chrono::steady_clock::now();
  // A broken manifest stops everything before the database is touched.
  std::unique_ptr<Manifest> manifest;
  if (!a.manifest.empty()) manifest = std::make_unique<Manifest>(Manifest::load(a.manifest));
  if (manifest) check_manifest_districts(*manifest);

  auto files = collect_inputs(a.paths);
  if (files.empty()) throw StoreError("no .txt files found in the given paths");

  SQLite::Database db = open_database(a.db, OpenMode::Create);
  // Read, decode and extract on a second thread while this one writes.
  if (sqlite3_db_readonly(db.getHandle(), "main") == 1)
    throw StoreError(a.db + ": the database file is read-only (no permission to write it); nothing was imported");
  // Another writer holding the database past the busy timeout would fail
  // every file in turn: check once and stop with one clear error instead.
  try {
    db.exec("BEGIN IMMEDIATE");
    db.exec("ROLLBACK");
  } catch (const SQLite::Exception& e) {
    throw StoreError(a.db + ": cannot write: " + e.what() +
                     (e.getErrorCode() == SQLITE_BUSY ? " (another process is writing it; try again when it is done)" : ""));
  }
  PipelineOptions pipeline;
  pipeline.stop = &g_stop;
  pipeline.batch_bytes = static_cast<size_t>(a.batch_mb * (1 << 20));
  ImportPipeline importer(db, manifest.get(), {a.lossy, a.force}, pipeline);
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);

  Totals t;
  Progress progress(files.size());
  const bool complete = importer.run(files, [&](const FileOutcome& o) {
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
    // The manifest's keys, not the inputs' (a corpus may hold a million files).
    std::set<std::string_view> unseen;
    for (const auto& e : manifest->entries()) unseen.insert(e.doc);
    for (const auto& file : files) {
      if (unseen.empty()) break;
      unseen.erase(doc_key(file));
    }
    std::vector<std::string> missing;
    for (const auto& e : manifest->entries())
      if (unseen.count(e.doc)) missing.push_back(e.file);
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
  if (!complete) {
    std::cerr << "claimdb: interrupted (" << (g_signal == SIGTERM ? "SIGTERM" : "SIGINT") << "): stopped after "
              << t.files << " of " << files.size()
              << " files, each stored whole; run the same command again to import the rest\n";
    return 128 + (g_signal ? int(g_signal) : SIGINT);
  }
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
  sub->add_option("--batch-mb", a->batch_mb,
                  "Commit after this many MB of files (each file stays whole; a crash loses at most one batch)")
      ->check(CLI::Range(0.0, 4096.0))
      ->capture_default_str();
  sub->add_option("PATH", a->paths, "Files, or directories searched recursively for *.txt")->required();
  sub->footer(
      "Each file is one document, keyed by its name without extension, imported in its own\n"
      "transaction: a file whose bytes are unchanged is skipped, a changed one replaces its\n"
      "document, and a bad file is reported while the others still import (exit status 1).\n"
      "Ctrl-C (SIGINT) or SIGTERM stops after the current document with a summary\n"
      "(exit status 130 or 143); running the same command again imports the rest.\n\n"
      "Example:\n"
      "  claimdb import --db db/claims.db --manifest ../shared/corpus/manifest.csv ../shared/corpus\n"
      "  sqlite3 db/claims.db \"SELECT doc, quote, value, unit, year FROM claims_flat LIMIT 5\"");
  return {sub, [a] { return run_import(*a); }};
}

}  // namespace claimdb::cli
