// JSON text for the command line's and the reports' machine output.
#pragma once
#include <string>
#include <string_view>

namespace claimdb {

// `s` (UTF-8) as a quoted JSON string: quotes, backslashes and control
// characters escaped, everything else passed through.
std::string json_string(std::string_view s);

}  // namespace claimdb
