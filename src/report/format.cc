#include "report/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/numbers.h"
#include "report/width.h"
#include "util/json.h"

namespace claimdb::report {

namespace {

// ---- text for people (table, markdown)

struct DisplayColumn {
  std::string header;
  bool right = false;
};

// One line per cell: a newline or tab inside a quote becomes a space.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

std::vector<DisplayColumn> display_columns(const ResultSet& rs) {
  std::vector<DisplayColumn> out;
  for (const auto& c : rs.columns) {
    out.push_back({c.name, c.type != ColumnType::Text});
    if (c.amount) out.push_back({c.name + "_full", true});
  }
  return out;
}

std::vector<std::string> display_row(const ResultSet& rs, const std::vector<Cell>& row) {
  std::vector<std::string> out;
  for (size_t i = 0; i < rs.columns.size(); ++i) {
    const Cell& cell = row[i];
    bool amount = rs.columns[i].amount;
    if (std::holds_alternative<std::monostate>(cell)) {
      out.emplace_back();
      if (amount) out.emplace_back();
    } else if (const auto* s = std::get_if<std::string>(&cell)) {
      out.push_back(one_line(*s));
      if (amount) out.emplace_back();
    } else {
      double v = std::holds_alternative<long long>(cell) ? double(std::get<long long>(cell)) : std::get<double>(cell);
      if (amount) {
        out.push_back(readable_amount(v));
        out.push_back(full_amount(v));
      } else if (const auto* n = std::get_if<long long>(&cell)) {
        out.push_back(std::to_string(*n));
      } else {
        out.push_back(plain_number(v));
      }
    }
  }
  return out;
}

// ---- text for machines (csv, json)

std::string machine_text(const Cell& cell) {
  if (const auto* n = std::get_if<long long>(&cell)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&cell)) return real_literal(*d);
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  return "";
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}


std::string json_value(const Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return "null";
  if (const auto* s = std::get_if<std::string>(&cell)) return json_string(*s);
  if (const auto* d = std::get_if<double>(&cell); d && !std::isfinite(*d)) return "null";
  return machine_text(cell);
}

std::string markdown_cell(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

Format parse_format(std::string_view name) {
  if (name == "table") return Format::Table;
  if (name == "csv") return Format::Csv;
  if (name == "json") return Format::Json;
  if (name == "markdown") return Format::Markdown;
  throw ReportError("unknown format '" + std::string(name) + "' (table, csv, json, markdown)");
}

std::string format_table(const ResultSet& rs) {
  auto cols = display_columns(rs);
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rs.rows) cells.push_back(display_row(rs, row));
  std::vector<size_t> width(cols.size());
  for (size_t i = 0; i < cols.size(); ++i) {
    width[i] = display_width(cols[i].header);
    for (const auto& row : cells) width[i] = std::max(width[i], display_width(row[i]));
  }
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i) out += "  ";
      out += i + 1 < cols.size() || cols[i].right ? pad_to(row[i], width[i], cols[i].right) : row[i];
    }
    return out + "\n";
  };
  std::vector<std::string> header, rule;
  for (size_t i = 0; i < cols.size(); ++i) {
    header.push_back(cols[i].header);
    rule.emplace_back(width[i], '-');
  }
  std::string out = line(header) + line(rule);
  for (const auto& row : cells) out += line(row);
  out += "(" + std::to_string(rs.rows.size()) + (rs.rows.size() == 1 ? " row)\n" : " rows)\n");
  return out;
}

std::string format_csv(const ResultSet& rs) {
  std::string out;
  for (size_t i = 0; i < rs.columns.size(); ++i) out += (i ? "," : "") + csv_field(rs.columns[i].name);
  out += "\r\n";
  for (const auto& row : rs.rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(machine_text(row[i]));
    out += "\r\n";
  }
  return out;
}

std::string format_json(const ResultSet& rs) {
  std::string out = "[";
  for (size_t r = 0; r < rs.rows.size(); ++r) {
    out += r ? ",\n  {" : "\n  {";
    for (size_t i = 0; i < rs.columns.size(); ++i)
      out += (i ? ", " : "") + json_string(rs.columns[i].name) + ": " + json_value(rs.rows[r][i]);
    out += "}";
  }
  return out + (rs.rows.empty() ? "]\n" : "\n]\n");
}

std::string format_markdown(const ResultSet& rs) {
  auto cols = display_columns(rs);
  std::string out = "|", rule = "|";
  for (const auto& c : cols) {
    out += " " + markdown_cell(c.header) + " |";
    rule += c.right ? " ---: |" : " --- |";
  }
  out += "\n" + rule + "\n";
  for (const auto& row : rs.rows) {
    out += "|";
    for (const auto& cell : display_row(rs, row)) out += " " + markdown_cell(cell) + " |";
    out += "\n";
  }
  return out;
}

std::string format_result(const ResultSet& rs, Format f) {
  switch (f) {
    case Format::Csv: return format_csv(rs);
    case Format::Json: return format_json(rs);
    case Format::Markdown: return format_markdown(rs);
    default: return format_table(rs);
  }
}

}  // namespace claimdb::report
