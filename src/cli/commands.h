// The subcommands of `claimdb`: each file cmd_*.cc registers one with
// CLI11 and returns what to run when it was chosen.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>

namespace claimdb::cli {

struct Command {
  CLI::App* app;              // the subcommand, to test whether it was given
  std::function<int()> run;   // returns the exit status
};

Command add_import_command(CLI::App& app);
Command add_search_command(CLI::App& app);
Command add_stats_command(CLI::App& app);
Command add_extract_command(CLI::App& app);
Command add_report_command(CLI::App& app);  // cmd_report.cc

// Default database path, relative to the current directory.
inline constexpr const char* kDefaultDb = "db/claims.db";

}  // namespace claimdb::cli
