// Writing a report's rows: an aligned text table for the terminal, CSV
// (RFC 4180), JSON (an array of objects with typed values) and a Markdown
// pipe table. The table and Markdown forms show each amount column twice:
// readably (1170.1亿) and in full (117,010,000,000, column NAME_full).
#pragma once
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/result.h"

namespace claimdb::report {

enum class Format { Table, Csv, Json, Markdown };

// "table", "csv", "json", "markdown"; ReportError otherwise.
Format parse_format(std::string_view name);

// Streams rows in CSV, JSON or Markdown to `out` as they arrive (the table
// format needs all rows first: use format_table). finish() ends the output.
class RowWriter {
 public:
  RowWriter(std::ostream& out, const std::vector<Column>& columns, Format format);
  void row(const std::vector<Cell>& cells);
  void finish();

 private:
  static constexpr size_t kFlushBytes = 1 << 16;
  void flush();
  std::ostream& out_;
  const std::vector<Column>& columns_;
  Format format_;
  std::string buf_, text_;
  std::vector<std::string> keys_;  // JSON: `"name": ` of each column
  size_t rows_ = 0;
};

std::string format_table(const ResultSet& rs);
std::string format_csv(const ResultSet& rs);
std::string format_json(const ResultSet& rs);
std::string format_markdown(const ResultSet& rs);
std::string format_result(const ResultSet& rs, Format f);

}  // namespace claimdb::report
