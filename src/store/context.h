// Adds "where" to error messages: the file or database an error concerns.
#pragma once
#include <string>
#include <string_view>

namespace claimdb {

// `message` prefixed with "where: " unless it already names `where`.
inline std::string with_context(std::string_view where, std::string_view message) {
  if (where.empty() || message.find(where) != std::string_view::npos) return std::string(message);
  return std::string(where) + ": " + std::string(message);
}

}  // namespace claimdb
