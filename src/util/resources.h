// Data files embedded into the binary at build time (schema/*.sql,
// schema/*.tsv, queries/*.sql, the gazetteer), looked up by file name.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace claimdb {

// The bytes of embedded file `name` (e.g. "units.tsv"); throws
// std::runtime_error naming the file when it was not embedded.
std::string_view resource(std::string_view name);

// Names of embedded files that end with `suffix`, sorted.
std::vector<std::string> resource_names(std::string_view suffix = "");

}  // namespace claimdb
