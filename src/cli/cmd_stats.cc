// `claimdb stats`: what the database holds.
#include <iostream>
#include <memory>

#include "claimdb/store.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "store/context.h"

namespace claimdb::cli {

namespace {

std::string table(const char* title, const std::vector<StatsRow>& rows) {
  std::vector<std::vector<std::string>> cells = {{title, "documents", "claims"}};
  for (const auto& r : rows) cells.push_back({r.key, thousands(r.documents), thousands(r.claims)});
  return format_table(cells, {false, true, true});
}

int run_stats(const std::string& path) {
  SQLite::Database db = open_database(path, OpenMode::Existing);
  Stats s;
  try {
    s = collect_stats(db);
  } catch (const std::exception& e) {
    throw StoreError(with_context(path, e.what()));
  }
  std::cout << format_table({{"database", path},
                             {"schema version", std::to_string(s.schema_version)},
                             {"documents", thousands(s.documents)},
                             {"passages", thousands(s.passages)},
                             {"claims", thousands(s.claims)}})
            << "\n"
            << table("district", s.by_district) << "\n"
            << table("year", s.by_year);
  return 0;
}

}  // namespace

Command add_stats_command(CLI::App& app) {
  auto db = std::make_shared<std::string>(kDefaultDb);
  CLI::App* sub = app.add_subcommand("stats", "Count documents, passages and claims, by district and year");
  sub->add_option("--db", *db, "Database file")->capture_default_str();
  sub->footer(
      "Documents are counted by their manifest district and year, claims by the district and\n"
      "year each figure is about.\n\n"
      "Example:\n"
      "  claimdb stats --db db/claims.db");
  return {sub, [db] { return run_stats(*db); }};
}

}  // namespace claimdb::cli
