// The import manifest: a small RFC 4180 CSV reader plus the checks that
// make a broken manifest fail before anything is imported.
#include <fstream>
#include <map>
#include <sstream>

#include "claimdb/store.h"
#include "util/utf.h"

namespace claimdb {

namespace {

struct CsvRecord {
  std::vector<std::string> fields;
  size_t line;  // physical line where the record starts
};

// Splits CSV text into records. Quoted fields may hold commas, doubled
// quotes and line breaks; CRLF and LF both end a record; blank lines are skipped.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& path) {
  std::vector<CsvRecord> out;
  CsvRecord rec{{}, 1};
  std::string field;
  bool in_quotes = false, field_quoted = false, record_empty = true;
  size_t line = 1, quote_line = 0;
  auto end_field = [&] {
    rec.fields.push_back(std::move(field));
    field.clear();
    field_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    if (!(record_empty && rec.fields.size() == 1 && rec.fields[0].empty())) out.push_back(std::move(rec));
    rec = CsvRecord{{}, line + 1};
    record_empty = true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || field_quoted)
        throw StoreError(path + ":" + std::to_string(line) + ": stray double quote inside an unquoted field");
      in_quotes = field_quoted = true;
      record_empty = false;
      quote_line = line;
    } else if (c == ',') {
      end_field();
      record_empty = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // the \n ends the record
    } else if (c == '\n') {
      end_record();
      ++line;
    } else {
      if (field_quoted)
        throw StoreError(path + ":" + std::to_string(line) + ": text after a closing double quote");
      field += c;
      record_empty = false;
    }
  }
  if (in_quotes) throw StoreError(path + ":" + std::to_string(quote_line) + ": unterminated quoted field");
  end_record();
  return out;
}

std::string trim(std::string s) {
  const char* ws = " \t";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

}  // namespace

Manifest Manifest::parse(std::string_view text, const std::string& path) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Round-tripping through UTF-32 replaces invalid bytes, so a difference means the file is not UTF-8.
  if (u32_to_utf8(utf8_to_u32(text)) != text) throw StoreError(path + ": not UTF-8 text (save the manifest as UTF-8)");

  auto records = parse_csv(text, path);
  if (records.empty()) throw StoreError(path + ": empty manifest (expected a header: file,year,district,title)");

  const auto& header = records[0].fields;
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string name = trim(header[i]);
    if (col.count(name)) throw StoreError(path + ":" + std::to_string(records[0].line) + ": column '" + name + "' appears twice");
    col[name] = i;
  }
  for (const char* required : {"file", "year", "district", "title"})
    if (!col.count(required)) {
      std::string have;
      for (const auto& h : header) {
        if (!have.empty()) have += ',';
        have += trim(h);
      }
      throw StoreError(path + ":" + std::to_string(records[0].line) + ": missing required column '" + required +
                       "' (header is '" + have + "'; required: file,year,district,title; optional: date,source,url)");
    }

  Manifest m;
  m.path_ = path;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    std::string where = path + ":" + std::to_string(rec.line);
    if (rec.fields.size() != header.size())
      throw StoreError(where + ": " + std::to_string(rec.fields.size()) + " fields, the header has " +
                       std::to_string(header.size()));
    auto get = [&](const char* name) { return col.count(name) ? trim(rec.fields[col[name]]) : std::string(); };

    ManifestEntry e;
    e.line = rec.line;
    e.file = get("file");
    if (e.file.empty()) throw StoreError(where + ": empty 'file'");
    e.doc = doc_key(e.file);
    std::string year = get("year");
    if (!year.empty()) {
      bool digits = year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos;
      int y = digits ? std::stoi(year) : 0;
      if (!digits || y < 1900 || y > 2100)
        throw StoreError(where + ": bad year '" + year + "' for " + e.file + " (expected a year like 2023, or empty)");
      e.year = y;
    }
    e.district = get("district");
    e.title = get("title");
    e.date = get("date");
    e.source = get("source");
    e.url = get("url");
    auto [it, fresh] = m.by_doc_.emplace(e.doc, m.entries_.size());
    if (!fresh)
      throw StoreError(where + ": " + e.file + " is listed twice (first on line " +
                       std::to_string(m.entries_[it->second].line) + ")");
    m.entries_.push_back(std::move(e));
  }
  return m;
}

Manifest Manifest::load(const std::filesystem::path& path) {
  return parse(read_file_bytes(path), path.string());
}

const ManifestEntry* Manifest::find(std::string_view doc) const {
  auto it = by_doc_.find(doc);
  return it == by_doc_.end() ? nullptr : &entries_[it->second];
}

}  // namespace claimdb
