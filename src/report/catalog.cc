#include "report/catalog.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <regex>
#include <sstream>

#include "util/resources.h"

namespace claimdb::report {

namespace {

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      if (auto t = trim(s.substr(start, i - start)); !t.empty()) out.push_back(t);
      start = i + 1;
    }
  return out;
}

Column parse_column(const std::string& where, const std::string& spec) {
  std::istringstream in(spec);
  Column c;
  std::string type, flag, extra;
  in >> c.name >> type >> flag >> extra;
  if (type == "TEXT") c.type = ColumnType::Text;
  else if (type == "INTEGER") c.type = ColumnType::Integer;
  else if (type == "REAL") c.type = ColumnType::Real;
  else throw ReportError(where + ": column '" + c.name + "': type must be TEXT, INTEGER or REAL, not '" + type + "'");
  if (flag == "amount" && c.type != ColumnType::Text) c.amount = true;
  else if (!flag.empty()) throw ReportError(where + ": column '" + c.name + "': unexpected '" + flag + "'");
  if (!extra.empty()) throw ReportError(where + ": column '" + c.name + "': unexpected '" + extra + "'");
  return c;
}

}  // namespace

std::string_view type_name(ColumnType t) {
  switch (t) {
    case ColumnType::Integer: return "INTEGER";
    case ColumnType::Real: return "REAL";
    default: return "TEXT";
  }
}

Report parse_report(std::string_view name, std::string_view text) {
  const std::string where = "queries/" + std::string(name) + ".sql";
  Report r;
  r.name = name;
  r.sql = text;
  bool has_params = false;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    std::string t = trim(line);
    if (t.empty()) continue;
    if (t.rfind("--", 0) != 0) break;  // the header ends at the statement
    t = trim(t.substr(2));
    size_t colon = t.find(':');
    if (colon == std::string::npos) continue;
    std::string key = t.substr(0, colon), value = trim(t.substr(colon + 1));
    if (key == "title") r.title = value;
    else if (key == "description") r.description = value;
    else if (key == "params") {
      has_params = true;
      for (const auto& p : split(value, ' ')) {
        std::string n = p[0] == ':' ? p.substr(1) : p;
        if (std::find(known_params().begin(), known_params().end(), n) == known_params().end())
          throw ReportError(where + ": unknown parameter ':" + n + "' (known: :district :year :indicator)");
        r.params.push_back(n);
      }
    } else if (key == "columns") {
      for (const auto& spec : split(value, ',')) r.columns.push_back(parse_column(where, spec));
    }
  }
  if (r.title.empty()) throw ReportError(where + ": missing '-- title:' line");
  if (r.description.empty()) throw ReportError(where + ": missing '-- description:' line");
  if (!has_params) throw ReportError(where + ": missing '-- params:' line");
  if (r.columns.empty()) throw ReportError(where + ": missing '-- columns:' line");
  // Every parameter the statement uses must be declared (and so bindable).
  static const std::regex used(R"(:([A-Za-z_][A-Za-z0-9_]*))");
  std::string body;
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);)
    if (auto c = line.find("--"); c != std::string::npos) body += line.substr(0, c) + "\n";
    else body += line + "\n";
  for (std::sregex_iterator it(body.begin(), body.end(), used), end; it != end; ++it) {
    std::string p = (*it)[1];
    if (std::find(r.params.begin(), r.params.end(), p) == r.params.end())
      throw ReportError(where + ": uses parameter ':" + p + "' but does not declare it in '-- params:'");
  }
  return r;
}

const std::vector<Report>& catalog() {
  static const std::vector<Report> reports = [] {
    std::vector<Report> out;
    for (const auto& file : resource_names(".sql")) {
      if (file.size() > 4 && file[0] >= '0' && file[0] <= '9') continue;  // schema/NNN_*.sql migrations
      out.push_back(parse_report(file.substr(0, file.size() - 4), resource(file)));
    }
    std::sort(out.begin(), out.end(), [](const Report& a, const Report& b) { return a.name < b.name; });
    return out;
  }();
  return reports;
}

const Report& find_report(std::string_view name) {
  for (const auto& r : catalog())
    if (r.name == name) return r;
  std::string names;
  for (const auto& r : catalog()) names += (names.empty() ? "" : ", ") + r.name;
  throw ReportError("unknown report '" + std::string(name) + "'; reports: " + names);
}

void check_columns(SQLite::Database& db, const Report& r) {
  SQLite::Statement st(db, r.sql);
  int n = st.getColumnCount();
  std::string declared, actual;
  for (const auto& c : r.columns) declared += (declared.empty() ? "" : ", ") + c.name;
  for (int i = 0; i < n; ++i) actual += (actual.empty() ? "" : ", ") + std::string(st.getColumnName(i));
  if (declared != actual)
    throw ReportError("queries/" + r.name + ".sql: '-- columns:' declares (" + declared + ") but the statement returns (" +
                      actual + ")");
}

}  // namespace claimdb::report
