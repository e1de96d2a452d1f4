// `claimdb search`: passages ranked by bm25, with the hits marked.
#include <iostream>
#include <memory>

#include "claimdb/store.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "store/context.h"

namespace claimdb::cli {

namespace {

struct SearchArgs {
  std::string db = kDefaultDb;
  size_t limit = 10;
  std::string query;
};

int run_search(const SearchArgs& a) {
  SQLite::Database db = open_database(a.db, OpenMode::Existing);
  SearchOptions opt;
  opt.limit = a.limit;
  if (use_ansi_stdout()) {
    opt.mark_open = "\x1b[1m";
    opt.mark_close = "\x1b[0m";
  }
  SearchResult r;
  try {
    r = search_passages(db, a.query, opt);
  } catch (const std::exception& e) {
    throw StoreError(with_context(a.db, e.what()));
  }
  if (r.scanned)
    std::cerr << "claimdb: note: queries shorter than 3 characters cannot use the trigram index; "
                 "scanned all passages (results in document order)\n";
  if (r.hits.empty()) {
    std::cerr << "no passages match " << a.query << "\n";
    return 0;
  }
  for (size_t i = 0; i < r.hits.size(); ++i) {
    const auto& h = r.hits[i];
    std::cout << i + 1 << ". " << h.doc << "  " << (h.title.empty() ? "(no title)" : h.title) << "  [" << h.span_start
              << ", " << h.span_end << ")\n   " << h.snippet << "\n";
  }
  return 0;
}

}  // namespace

Command add_search_command(CLI::App& app) {
  auto a = std::make_shared<SearchArgs>();
  CLI::App* sub = app.add_subcommand("search", "Full-text search of passages (FTS5 trigram index, bm25 ranking)");
  sub->add_option("--db", a->db, "Database file")->capture_default_str();
  sub->add_option("--limit,-n", a->limit, "Show at most N passages")->check(CLI::PositiveNumber)->capture_default_str();
  sub->add_option("QUERY", a->query, "Text to find; FTS5 syntax (\"...\", AND, OR, NOT, NEAR) is passed through")
      ->required();
  sub->footer(
      "Plain text is searched as one phrase. Queries of 1-2 characters cannot use the trigram\n"
      "index and fall back to a scan of all passages. Offsets [start, end) are code points\n"
      "into documents.body.\n\n"
      "Examples:\n"
      "  claimdb search 固定资产投资\n"
      "  claimdb search --limit 3 '数字经济 AND 增长'\n"
      "  claimdb search 工业");
  return {sub, [a] { return run_search(*a); }};
}

}  // namespace claimdb::cli
