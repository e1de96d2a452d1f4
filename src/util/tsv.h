// Reads the tab-separated data files under schema/: '#' starts a comment
// line, the first non-comment line names the columns.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace claimdb {

struct TsvTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  // Index of column `name`; throws std::runtime_error naming the file.
  size_t col(std::string_view name) const;
  std::string file;
};

// Parses `text`; `file` names it in errors ("units.tsv:12: ...").
TsvTable parse_tsv(std::string_view text, std::string_view file);

// parse_tsv(resource(name), name).
TsvTable load_tsv_resource(std::string_view name);

}  // namespace claimdb
