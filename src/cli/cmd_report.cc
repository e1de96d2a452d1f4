// `claimdb report`: lists the canned reports (queries/*.sql, embedded) or
// runs one on a database with optional parameters, printed as an aligned
// table, CSV, JSON or Markdown.
#include <iostream>
#include <memory>

#include "claimdb/store.h"
#include "cli/commands.h"
#include "report/catalog.h"
#include "report/format.h"
#include "report/result.h"
#include "report/width.h"
#include "store/context.h"

namespace claimdb::cli {

namespace {

struct ReportArgs {
  std::string db = kDefaultDb;
  std::string name;
  std::vector<std::string> params;
  std::string format = "table";
  bool live = false;
};

int list_reports() {
  size_t width = 0;
  for (const auto& r : report::catalog()) width = std::max(width, r.name.size());
  for (const auto& r : report::catalog()) {
    std::string params;
    for (const auto& p : r.params) params += " :" + p;
    std::cout << report::pad_to(r.name, width, false) << "  " << r.title
              << (params.empty() ? "" : "  (params:" + params + ")") << "\n";
  }
  std::cout << "\nRun one with: claimdb report NAME [--param district=海曙区] [--format table|csv|json|markdown]\n";
  return 0;
}

int run_report(const ReportArgs& a) {
  if (a.name.empty()) return list_reports();
  // Name, parameters and format are checked before the database is opened.
  const report::Report& r = report::find_report(a.name);
  report::Params params = report::parse_params(a.params);
  report::check_params(r, params);
  report::Format format = report::parse_format(a.format);
  SQLite::Database db = open_database(a.db, OpenMode::Existing);
  // Without parameters the rows are the ones the last import stored, when
  // nothing was written since: reading them is a table scan, where the
  // query over millions of claims takes seconds.
  const report::Source from =
      !a.live && params.empty() && reports_current(db) ? report::Source::Stored : report::Source::Query;
  try {
    if (format == report::Format::Table) {
      report::ResultSet rs = report::run_report(db, r, params, from);
      std::cout << r.title << "\n\n" << report::format_table(rs);
    } else {
      report::RowWriter out(std::cout, r.columns, format);
      report::for_each_row(db, r, params, from, [&](const std::vector<report::Cell>& row) { out.row(row); });
      out.finish();
    }
  } catch (const std::exception& e) {
    throw StoreError(with_context(a.db, e.what()));
  }
  if (!std::cout) throw StoreError("report " + r.name + ": cannot write the output");
  return 0;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto a = std::make_shared<ReportArgs>();
  CLI::App* sub = app.add_subcommand("report", "List the canned reports, or run one (table, CSV, JSON or Markdown)");
  sub->add_option("NAME", a->name, "Report to run; without it, the reports are listed");
  sub->add_option("--param,-p", a->params, "NAME=VALUE for :district, :year or :indicator (repeatable); unset means all");
  sub->add_option("--format,-f", a->format, "Output: table, csv, json or markdown")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown"}))
      ->capture_default_str();
  sub->add_option("--db", a->db, "Database file")->capture_default_str();
  sub->add_flag("--live", a->live,
                "Run the query now, even when the rows the last import stored are current");
  sub->footer(
      "Reports are the SQL files in queries/ (built into claimdb); every import also stores each\n"
      "one, with all rows, as a table report_NAME. Without --param, and while nothing was written\n"
      "since, the report prints those stored rows (the same rows, without recomputing them);\n"
      "--live runs the query instead. In the table format amounts read 1170.1亿 and\n"
      "are repeated in full in a NAME_full column (117,010,000,000).\n\n"
      "Examples:\n"
      "  claimdb report\n"
      "  claimdb report gdp --param district=海曙区 --param year=2019\n"
      "    district  year       gdp         gdp_full  unit  growth_pct  ...\n"
      "    --------  ----  --------  ---------------  ----  ----------\n"
      "    海曙区    2019  1170.1亿  117,010,000,000  CNY          6.1  ...\n"
      "  claimdb report conflicts --format csv > conflicts.csv\n"
      "  sqlite3 db/claims.db 'SELECT * FROM report_gdp'");
  return {sub, [a] { return run_report(*a); }};
}

}  // namespace claimdb::cli
