// Report parameters: `--param district=海曙区 --param year=2019` checked
// against what a report declares and bound to its statement. A parameter
// left out is bound as NULL, which every report reads as "all rows".
#pragma once
#include <SQLiteCpp/Statement.h>

#include <map>
#include <string>
#include <vector>

#include "report/catalog.h"

namespace claimdb::report {

using Params = std::map<std::string, std::string>;

// Parses "key=value" items (a leading ':' on the key is accepted). Throws
// ReportError for an item without '=' or an empty key, or a key given twice.
Params parse_params(const std::vector<std::string>& items);

// Throws ReportError naming every parameter `r` does not declare, and a
// year that is not an integer.
void check_params(const Report& r, const Params& params);

// Binds every declared parameter of `r` on `st`: given ones as text (year
// as an integer), the others as NULL.
void bind_params(SQLite::Statement& st, const Report& r, const Params& params);

}  // namespace claimdb::report
