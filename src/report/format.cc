#include "report/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <sstream>

#include "report/numbers.h"
#include "report/width.h"
#include "util/json.h"

// A report can have hundreds of thousands of rows. CSV, JSON and Markdown
// are written row by row through a small buffer, so memory stays flat; the
// table, which must measure every cell before it prints the first, keeps one
// arena of cell texts. Each cell's text is made once, without per-cell
// temporaries.

namespace claimdb::report {

namespace {

// ---- text for people (table, markdown)

struct DisplayColumn {
  std::string header;
  bool right = false;
};

// One line per cell: a newline or tab inside a quote becomes a space.
void append_one_line(std::string& out, const std::string& s) {
  size_t from = out.size();
  out += s;
  for (size_t i = from; i < out.size(); ++i)
    if (out[i] == '\n' || out[i] == '\r' || out[i] == '\t') out[i] = ' ';
}

std::vector<DisplayColumn> display_columns(const std::vector<Column>& columns) {
  std::vector<DisplayColumn> out;
  for (const auto& c : columns) {
    out.push_back({c.name, c.type != ColumnType::Text});
    if (c.amount) out.push_back({c.name + "_full", true});
  }
  return out;
}

void append_integer(std::string& out, long long n) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, res.ptr);
}

// Appends the display texts of one row's cells to `out`, one text per
// display column (an amount column gives two), calling `done()` after each.
template <class Done>
void append_display_row(const std::vector<Column>& columns, const std::vector<Cell>& row, std::string& out,
                        Done done) {
  for (size_t i = 0; i < columns.size(); ++i) {
    const Cell& cell = row[i];
    bool amount = columns[i].amount;
    if (std::holds_alternative<std::monostate>(cell)) {
      done();
      if (amount) done();
    } else if (const auto* s = std::get_if<std::string>(&cell)) {
      append_one_line(out, *s);
      done();
      if (amount) done();
    } else {
      double v = std::holds_alternative<long long>(cell) ? double(std::get<long long>(cell)) : std::get<double>(cell);
      if (amount) {
        out += readable_amount(v);
        done();
        out += full_amount(v);
        done();
      } else if (const auto* n = std::get_if<long long>(&cell)) {
        append_integer(out, *n);
        done();
      } else {
        out += plain_number(v);
        done();
      }
    }
  }
}

// ---- text for machines (csv, json)

void append_machine_text(std::string& out, const Cell& cell) {
  if (const auto* n = std::get_if<long long>(&cell)) append_integer(out, *n);
  else if (const auto* d = std::get_if<double>(&cell)) out += real_literal(*d);
  else if (const auto* s = std::get_if<std::string>(&cell)) out += *s;
}

// True when `s` holds a comma, quote or line break. One pass over the bytes:
// find_first_of calls memchr on the set for every byte of the cell.
bool needs_csv_quotes(std::string_view s) {
  for (char c : s)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

void append_csv_field(std::string& out, std::string_view s) {
  if (!needs_csv_quotes(s)) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_cell(std::string& out, const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) append_csv_field(out, *s);
  else append_machine_text(out, cell);  // numbers never need quotes
}

void append_json_value(std::string& out, const Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) out += "null";
  else if (const auto* s = std::get_if<std::string>(&cell)) out += json_string(*s);
  else if (const auto* d = std::get_if<double>(&cell); d && !std::isfinite(*d)) out += "null";
  else append_machine_text(out, cell);
}

void append_markdown_cell(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
}

void append_spaces(std::string& out, size_t n) { out.append(n, ' '); }

}  // namespace

Format parse_format(std::string_view name) {
  if (name == "table") return Format::Table;
  if (name == "csv") return Format::Csv;
  if (name == "json") return Format::Json;
  if (name == "markdown") return Format::Markdown;
  throw ReportError("unknown format '" + std::string(name) + "' (table, csv, json, markdown)");
}

std::string format_table(const ResultSet& rs) {
  const auto cols = display_columns(rs.columns);
  const size_t n = cols.size();
  // Every cell's text, row after row, in one arena (cell k is
  // arena[end[k - 1], end[k])), and its display width.
  std::string arena;
  std::vector<uint32_t> end, cell_width;
  end.reserve(rs.rows.size() * n);
  cell_width.reserve(rs.rows.size() * n);
  std::vector<size_t> width(n);
  for (size_t i = 0; i < n; ++i) width[i] = display_width(cols[i].header);
  for (const auto& row : rs.rows) {
    append_display_row(rs.columns, row, arena, [&] {
      size_t from = end.empty() ? 0 : end.back(), i = end.size() % n;
      size_t w = display_width(std::string_view(arena).substr(from));
      width[i] = std::max(width[i], w);
      cell_width.push_back(static_cast<uint32_t>(w));
      end.push_back(static_cast<uint32_t>(arena.size()));
    });
  }
  size_t line_width = 0;
  for (size_t w : width) line_width += w + 2;

  std::string out;
  out.reserve(arena.size() + (rs.rows.size() + 2) * line_width + 32);
  // One cell: padded to its column's width, except a last left-aligned one.
  auto put = [&](size_t i, std::string_view s, size_t w) {
    if (i) out += "  ";
    size_t pad = width[i] > w ? width[i] - w : 0;
    if (cols[i].right) {
      append_spaces(out, pad);
      out += s;
    } else {
      out += s;
      if (i + 1 < n) append_spaces(out, pad);
    }
  };
  for (size_t i = 0; i < n; ++i) put(i, cols[i].header, display_width(cols[i].header));
  out += '\n';
  for (size_t i = 0; i < n; ++i) {
    if (i) out += "  ";
    out.append(width[i], '-');
  }
  out += '\n';
  const std::string_view all(arena);
  size_t from = 0;
  for (size_t k = 0; k < end.size(); k += n) {
    for (size_t i = 0; i < n; ++i) {
      put(i, all.substr(from, end[k + i] - from), cell_width[k + i]);
      from = end[k + i];
    }
    out += '\n';
  }
  out += '(';
  append_integer(out, static_cast<long long>(rs.rows.size()));
  out += rs.rows.size() == 1 ? " row)\n" : " rows)\n";
  return out;
}

RowWriter::RowWriter(std::ostream& out, const std::vector<Column>& columns, Format format)
    : out_(out), columns_(columns), format_(format) {
  if (format_ == Format::Table) throw ReportError("the table format needs every row before it prints one");
  buf_.reserve(kFlushBytes + 4096);
  switch (format_) {
    case Format::Csv:
      for (size_t i = 0; i < columns_.size(); ++i) {
        if (i) buf_ += ',';
        append_csv_field(buf_, columns_[i].name);
      }
      buf_ += "\r\n";
      break;
    case Format::Json:
      for (size_t i = 0; i < columns_.size(); ++i)
        keys_.push_back((i ? ", " : "") + json_string(columns_[i].name) + ": ");
      buf_ += '[';
      break;
    default: {
      std::string rule = "|";
      buf_ += '|';
      for (const auto& c : display_columns(columns_)) {
        buf_ += ' ';
        append_markdown_cell(buf_, c.header);
        buf_ += " |";
        rule += c.right ? " ---: |" : " --- |";
      }
      buf_ += "\n" + rule + "\n";
    }
  }
}

void RowWriter::row(const std::vector<Cell>& cells) {
  switch (format_) {
    case Format::Csv:
      for (size_t i = 0; i < cells.size(); ++i) {
        if (i) buf_ += ',';
        append_csv_cell(buf_, cells[i]);
      }
      buf_ += "\r\n";
      break;
    case Format::Json:
      buf_ += rows_ ? ",\n  {" : "\n  {";
      for (size_t i = 0; i < cells.size(); ++i) {
        buf_ += keys_[i];
        append_json_value(buf_, cells[i]);
      }
      buf_ += '}';
      break;
    default: {
      size_t from = 0;
      text_.clear();
      buf_ += '|';
      append_display_row(columns_, cells, text_, [&] {
        buf_ += ' ';
        append_markdown_cell(buf_, std::string_view(text_).substr(from));
        buf_ += " |";
        from = text_.size();
      });
      buf_ += '\n';
    }
  }
  ++rows_;
  if (buf_.size() >= kFlushBytes) flush();
}

void RowWriter::finish() {
  if (format_ == Format::Json) buf_ += rows_ ? "\n]\n" : "]\n";
  flush();
  out_.flush();
}

void RowWriter::flush() {
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

namespace {

std::string write_all(const ResultSet& rs, Format f) {
  std::ostringstream out;
  RowWriter w(out, rs.columns, f);
  for (const auto& row : rs.rows) w.row(row);
  w.finish();
  return std::move(out).str();
}

}  // namespace

std::string format_csv(const ResultSet& rs) { return write_all(rs, Format::Csv); }
std::string format_json(const ResultSet& rs) { return write_all(rs, Format::Json); }
std::string format_markdown(const ResultSet& rs) { return write_all(rs, Format::Markdown); }

std::string format_result(const ResultSet& rs, Format f) {
  switch (f) {
    case Format::Csv: return format_csv(rs);
    case Format::Json: return format_json(rs);
    case Format::Markdown: return format_markdown(rs);
    default: return format_table(rs);
  }
}

}  // namespace claimdb::report
