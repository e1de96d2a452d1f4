// claimdb: turns Chinese regional-economy writing into a SQLite database of
// quantified claims. This file wires the subcommands together and turns
// every error into one clear line and a non-zero exit status.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace claimdb::cli;
  CLI::App app{"claimdb: quantified claims (figures, growth rates, targets) from Chinese regional-economy\n"
               "writing, stored in a SQLite database with full-text search.",
               "claimdb"};
  app.set_version_flag("--version", "claimdb " CLAIMDB_VERSION, "Print the version and exit");
  app.require_subcommand(1, 1);
  app.footer(
      "Examples:\n"
      "  claimdb import --manifest corpus/manifest.csv corpus/\n"
      "  claimdb search 固定资产投资\n"
      "  claimdb stats\n"
      "  claimdb extract article.txt --year 2023 --district 海曙区 --format table\n"
      "Run `claimdb COMMAND --help` for each command's options.");

  std::vector<Command> commands = {add_import_command(app), add_search_command(app), add_stats_command(app),
                                   add_extract_command(app), add_report_command(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    for (auto& c : commands)
      if (c.app->parsed()) return c.run();
  } catch (const std::exception& e) {
    std::cerr << "claimdb: error: " << e.what() << "\n";
    return 1;
  } catch (...) {
    std::cerr << "claimdb: error: unexpected failure\n";
    return 1;
  }
  return 1;  // unreachable: CLI11 requires exactly one subcommand
}
