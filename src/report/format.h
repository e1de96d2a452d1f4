// Writing a report's rows: an aligned text table for the terminal, CSV
// (RFC 4180), JSON (an array of objects with typed values) and a Markdown
// pipe table. The table and Markdown forms show each amount column twice:
// readably (1170.1亿) and in full (117,010,000,000, column NAME_full).
#pragma once
#include <string>
#include <string_view>

#include "report/result.h"

namespace claimdb::report {

enum class Format { Table, Csv, Json, Markdown };

// "table", "csv", "json", "markdown"; ReportError otherwise.
Format parse_format(std::string_view name);

std::string format_table(const ResultSet& rs);
std::string format_csv(const ResultSet& rs);
std::string format_json(const ResultSet& rs);
std::string format_markdown(const ResultSet& rs);
std::string format_result(const ResultSet& rs, Format f);

}  // namespace claimdb::report
