#include "util/tsv.h"

#include <stdexcept>

#include "util/resources.h"

namespace claimdb {

namespace {
std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}
}  // namespace

size_t TsvTable::col(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return i;
  throw std::runtime_error(file + ": no column named " + std::string(name));
}

TsvTable parse_tsv(std::string_view text, std::string_view file) {
  TsvTable t;
  t.file = std::string(file);
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto fields = split_tabs(line);
    if (t.columns.empty()) {
      t.columns = std::move(fields);
      continue;
    }
    if (fields.size() > t.columns.size())
      throw std::runtime_error(t.file + ":" + std::to_string(line_no) + ": " +
                               std::to_string(fields.size()) + " fields, header has " +
                               std::to_string(t.columns.size()));
    fields.resize(t.columns.size());
    t.rows.push_back(std::move(fields));
  }
  return t;
}

TsvTable load_tsv_resource(std::string_view name) { return parse_tsv(resource(name), name); }

}  // namespace claimdb
